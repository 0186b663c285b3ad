import { z } from 'zod';
import { issueWords } from './issue-words';

const issuesOf = (schema: z.ZodType, value: unknown) => (schema.safeParse(value).error?.issues ?? []) as unknown as Parameters<typeof issueWords>[0][];
const words = (lang: 'zh-CN' | 'en') => ({ lang, t: (key: string, params?: Record<string, string | number>) => (params ? `${key}(${Object.values(params).join(',')})` : key) }) as Parameters<typeof issueWords>[1];

describe('a command form says the domain schema’s refusal in the page’s language (issue 16)', () => {
  it('never shows zod’s English default: the words are chosen by the check that failed', () => {
    const [tooBig] = issuesOf(z.number().max(6), 9);
    expect(issueWords(tooBig, words('zh-CN'))).toBe('atMost(6)');
    const [empty] = issuesOf(z.string().min(1), '');
    expect(issueWords(empty, words('en'))).toBe('required');
    const [missing] = issuesOf(z.object({ n: z.number() }), {});
    expect(issueWords(missing, words('zh-CN'))).toBe('required');
  });

  it('keeps a schema’s own Chinese message in Chinese, and its own English in English', () => {
    const [own] = issuesOf(z.string().refine(() => false, '请填写统一社会信用代码'), 'x');
    expect(issueWords(own, words('zh-CN'))).toBe('请填写统一社会信用代码');
    const [english] = issuesOf(z.string().refine(() => false, 'R-DEV-1: not a valid credit code'), 'x');
    expect(issueWords(english, words('en'))).toBe('R-DEV-1: not a valid credit code');
    expect(issueWords(english, words('zh-CN'))).toBe('invalid');
  });
});
