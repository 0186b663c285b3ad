import { en } from './messages.en';
import { zhCN, type MessageKey } from './messages.zh-cn';
import { interpolate } from './interpolate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('English uses exactly the placeholders of the Chinese source, key by key', () => {
    for (const key of Object.keys(zhCN) as MessageKey[]) {
      expect({ key, params: placeholders(en[key]) }).toEqual({ key, params: placeholders(zhCN[key]) });
    }
  });

  it('fills placeholders and leaves an unknown one visible', () => {
    expect(interpolate('您好，{name}', { name: '王经理' })).toBe('您好，王经理');
    expect(interpolate('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});
