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
    const result = ComplaintPolicy.safeParse({ ...DEFAULT_COMPLAINT_POLICY, deadlines: { general: 1, major: 8 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['maxWorkingDays'], message: expect.stringContaining('R-CMP-3') });
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
