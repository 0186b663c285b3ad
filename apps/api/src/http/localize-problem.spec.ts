import { localizeProblem } from './localize-problem';
import { hasEnglish } from './problem-messages.zh-cn';

const refusal = (rule: string, message: string, field?: string) => ({ statusCode: 422, error: 'Unprocessable Entity', rule, message: `${rule}: ${message}`, ...(field ? { field } : {}) });

describe('a refusal said in Chinese (issue 16)', () => {
  it.each([
    ['a contract is signed on a day that has come', '签订日期不能晚于今天', 'signedOn'],
    ['no signed sales contract for polyolefin is in force on 2026-10-12', '2026-10-12 没有有效的已签订聚烯烃销售合同', 'data.date'],
    ['the person who drafted a contract does not approve it', '起草人不能审批自己起草的合同', undefined],
  ])('R-ARC-5: “%s” reads as the contract rule with its own specifics, not as a missing contract', (english, chinese, field) => {
    const zh = localizeProblem(refusal('R-ARC-5', english, field), 'zh-CN');
    expect(zh.message).toBe(`不符合销售合同的规定（R-ARC-5）：${chinese}`);
    expect(hasEnglish(zh.message)).toBe(false);
    expect(zh.detail).toBe(`R-ARC-5: ${english}`);
  });

  it('R-ARC-5: an English detail the table does not know is left out of the Chinese, kept in detail', () => {
    const zh = localizeProblem(refusal('R-ARC-5', 'something new the table has not learnt'), 'zh-CN');
    expect(zh.message).toBe('不符合销售合同的规定（R-ARC-5）');
    expect(zh.detail).toContain('something new');
  });
});
