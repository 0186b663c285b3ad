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

describe('the domain refusals said in Chinese with their specifics (issue 16)', () => {
  it.each([
    ['R-PRIN-4', '款到发货: the pickup costs 1250.00 yuan, the prepayment balance is 1000.00 yuan (short by 250.00)', '不符合款到发货、货物自提、在公司指定库位提货的规定（R-PRIN-4）：款到发货：本次提货金额 1250.00 元，预付款余额 1000.00 元，还差 250.00 元'],
    ['R-CMP-1', 'receivedAt 2026-10-12T09:00:00.000Z is after the time it is logged (2026-10-12T08:00:00.000Z)', '不符合客户投诉记录规定：须记录投诉时间、客户、内容、处理意见、处理人及备注（R-CMP-1）：接收时间 2026-10-12 17:00 晚于登记时间 2026-10-12 16:00'],
    ['R-ONB-3', 'approval runs sales → finance → general manager; the pending step is finance, not generalManager', '不符合开户审批顺序：销售部审核、财务部审核（重点审核税务登记和开票资料）、总经理审批（R-ONB-3）：开户审批依次为销售部审核、财务部审核、总经理审批；当前待办环节是财务部审核，不是总经理审批'],
    ['ONB-DUPLICATE', 'the company with organisation code 91310000MA1FL8XQ3U is already a customer for the product line polyolefin (cust-7f3a)', '该公司已有进行中的开户申请，或已是该产品线的客户：一个公司每条产品线只登记一次（R-TIER-1）：组织机构代码为 91310000MA1FL8XQ3U 的公司已是聚烯烃客户，不能重复开户'],
  ])('%s: “%s” keeps its specifics in Chinese, ids left out, times in Beijing time', (rule, english, chinese) => {
    const zh = localizeProblem(refusal(rule, english), 'zh-CN');
    expect(zh.message).toBe(chinese);
    expect(hasEnglish(zh.message)).toBe(false);
    expect(zh.detail).toBe(`${rule}: ${english}`);
  });
});

describe('a lead that already says the specifics is not said twice (issue 16)', () => {
  it('TASK-ASSIGNEE: the reassigned task reads once', () => {
    const zh = localizeProblem(refusal('TASK-ASSIGNEE', 'the task "sales-review" was reassigned to fin.li; only they (or their delegate) complete it'), 'zh-CN');
    expect(zh.message).toBe('该待办已改派给他人，只有被指派人或其代理人可以处理');
  });

  it('VISIT-SELF: the lead names the rule, the specifics say what happened', () => {
    const zh = localizeProblem(refusal('VISIT-SELF', 'a manager does not decide on their own plan'), 'zh-CN');
    expect(zh.message).toBe('不符合走访计划审批的回避规定（VISIT-SELF）：客户经理不能审批本人的走访计划');
  });
});
