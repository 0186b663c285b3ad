import { companyCodeOf } from '../src/company-code';

describe('companyCodeOf: the code a company is read by, whichever shape its archive carries', () => {
  it('reads the credit code of an archive opened from an application or an import', () => {
    expect(companyCodeOf({ kind: 'unified', creditCode: '91330200MA2AXXXX0X' })).toBe('91330200MA2AXXXX0X');
  });
  it('reads a hand-written archive\'s unifiedSocialCreditCode', () => {
    expect(companyCodeOf({ unifiedSocialCreditCode: '91330600MA2BYYYY1Y' })).toBe('91330600MA2BYYYY1Y');
  });
  it('falls back to the business licence number of an older registration, and to nothing', () => {
    expect(companyCodeOf({ kind: 'separate', businessLicenceNo: '330200000012345', taxRegistrationNo: 't', organisationCode: 'o' })).toBe('330200000012345');
    expect(companyCodeOf({})).toBeNull();
    expect(companyCodeOf(null)).toBeNull();
  });
});
