import { foreignMessages } from './support/shown-messages';

describe('the browser specs’ language check of shown messages (issue 16)', () => {
  it('in Chinese, flags an English tail but not rule ids, codes, grades, tonnes, emails or what the user typed', () => {
    const messages = [
      '不符合业务规则：user zhaozhu already exists',
      '不符合资源量分配规定（R-ALLOC-2）：HDPE 5000S 超出 30 t',
      '已发送到 zhao@example.com',
      '确认导入文件“pickups-march.csv”中的全部提货记录？',
      '用户名 zhaozhu 已被使用，请换一个用户名',
      '请求内容不符合要求：username: Too small',
    ];
    expect(foreignMessages(messages, 'zh', ['zhaozhu'])).toEqual(['不符合业务规则：user zhaozhu already exists', '请求内容不符合要求：username: Too small']);
  });

  it('in English, flags Chinese characters and full-width punctuation unless the user typed them', () => {
    const messages = ['user zhaozhu already exists', 'Created user 赵主管.', 'Conflict：try again', 'Saved.'];
    expect(foreignMessages(messages, 'en', ['赵主管'])).toEqual(['Conflict：try again']);
  });
});
