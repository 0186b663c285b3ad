import { ComplaintPolicy, DEFAULT_COMPLAINT_POLICY, classWorkingDays } from '../src';

describe('complaint policy as data', () => {
  it('R-CMP-3: the default policy is 1 / 3 / at most 7 working days, warned at 75%', () => {
    expect(DEFAULT_COMPLAINT_POLICY).toMatchObject({ deadlines: { general: 1, major: 3 }, maxWorkingDays: 7, warningShare: 0.75 });
    expect(['general', 'major', 'serious'].map((c) => classWorkingDays(DEFAULT_COMPLAINT_POLICY, c as 'general'))).toEqual([1, 3, 3]);
  });

  it('R-CMP-2: leaders (supervisor, general manager) approve resolutions and extensions, in that chain', () => {
    expect(DEFAULT_COMPLAINT_POLICY.resolutionApproverRoles).toEqual(['supervisor', 'general_manager']);
    expect(DEFAULT_COMPLAINT_POLICY.extensionApproverRoles).toEqual(['supervisor', 'general_manager']);
  });

  it('R-CMP-3: refuses a class deadline beyond the cap, naming the field', () => {
    const result = ComplaintPolicy.safeParse({ ...DEFAULT_COMPLAINT_POLICY, deadlines: { general: 1, major: 2 }, maxWorkingDays: 1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['maxWorkingDays'], message: expect.stringContaining('R-CMP-3') });
  });

  it.each([
    ['a total of 30 working days', { maxWorkingDays: 30 }, ['maxWorkingDays']],
    ['a total of 8 working days', { maxWorkingDays: 8 }, ['maxWorkingDays']],
    ['a general deadline of 2 working days', { deadlines: { general: 2, major: 3 } }, ['deadlines', 'general']],
    ['a major deadline of 8 working days', { deadlines: { general: 1, major: 8 } }, ['deadlines', 'major']],
  ])('R-CMP-3: the policy text bounds what an administrator may publish: refuses %s', (_name, change, path) => {
    const result = ComplaintPolicy.safeParse({ ...DEFAULT_COMPLAINT_POLICY, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path, message: expect.stringContaining('R-CMP-3') });
  });

  it('R-CMP-2: only leaders approve, only the department handles: an administrator or auditor in a role list is refused', () => {
    expect(ComplaintPolicy.safeParse({ ...DEFAULT_COMPLAINT_POLICY, resolutionApproverRoles: ['administrator'] }).success).toBe(false);
    expect(ComplaintPolicy.safeParse({ ...DEFAULT_COMPLAINT_POLICY, extensionApproverRoles: ['supervisor', 'auditor'] }).success).toBe(false);
    expect(ComplaintPolicy.safeParse({ ...DEFAULT_COMPLAINT_POLICY, handlerRoles: ['general_manager'] }).success).toBe(false);
    expect(ComplaintPolicy.safeParse({ ...DEFAULT_COMPLAINT_POLICY, deadlines: { general: 1, major: 2 }, maxWorkingDays: 5 }).success).toBe(true);
  });

  it.each([
    ['a warning share of 1', { warningShare: 1 }, 'warningShare'],
    ['fractional working days', { deadlines: { general: 1.5, major: 3 } }, 'deadlines'],
    ['an unknown role', { resolutionApproverRoles: ['boss'] }, 'resolutionApproverRoles'],
    ['an empty approval chain', { extensionApproverRoles: [] }, 'extensionApproverRoles'],
  ])('refuses %s', (_name, change, field) => {
    const result = ComplaintPolicy.safeParse({ ...DEFAULT_COMPLAINT_POLICY, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path[0]).toBe(field);
  });
});
