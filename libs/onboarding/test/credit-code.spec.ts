import {
  creditCodeCheckChar, isValidBusinessLicenceNo, isValidCreditCode, isValidOrganisationCode, isValidTaxRegistrationNo,
  organisationCodeCheckChar, organisationCodeInCreditCode,
} from '../src';

describe('R-ONB-1: Unified Social Credit Code (GB 32100-2015)', () => {
  it.each(['91330100799655058B', '914403001922038216', '9144030071526726XG', '911100001000044477'])('accepts the published code %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('computes the check character from the weighted sum mod 31', () => {
    expect(creditCodeCheckChar('91330100799655058')).toBe('B');
    expect(creditCodeCheckChar('91440300192203821')).toBe('6');
  });

  it.each([
    ['a wrong check character', '91330100799655058C'],
    ['17 characters', '91330100799655058'],
    ['19 characters', '91330100799655058B0'],
    ['the letter I (excluded from the alphabet)', '91330100799655I58B'],
    ['the letter O', '9133010079965505OB'],
    ['lower case', '91330100799655058b'],
    ['a letter in the division code', '9133A100799655058B'],
    ['spaces', '9133 0100799655058B'],
  ])('refuses %s', (_why, code) => {
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('finds every single-character typo (the check character catches substitutions)', () => {
    const code = '914403001922038216';
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 17; i++) {
      for (const ch of alphabet) {
        if (ch === code[i] || (i >= 2 && i < 8 && !/\d/.test(ch))) continue;
        expect(isValidCreditCode(code.slice(0, i) + ch + code.slice(i + 1))).toBe(false);
      }
    }
  });

  it('embeds the organisation code in characters 9–17', () => {
    expect(organisationCodeInCreditCode('914403001922038216')).toBe('192203821');
    expect(isValidOrganisationCode(organisationCodeInCreditCode('91330100799655058B'))).toBe(true);
  });
});

describe('R-ONB-1: the older separate numbers', () => {
  it('organisation code (GB 11714): check character, with or without the hyphen, X for 10', () => {
    expect(organisationCodeCheckChar('19220382')).toBe('1');
    expect(isValidOrganisationCode('19220382-1')).toBe(true);
    expect(isValidOrganisationCode('192203821')).toBe(true);
    expect(isValidOrganisationCode('19220382-2')).toBe(false);
    expect(isValidOrganisationCode('1922038-1')).toBe(false);
    // 1·3 + 1·4 + 8·2 = 23 ≡ 1 (mod 11) → 10 → X;  1·3 + 4·2 = 11 ≡ 0 → 11 → 0
    expect(organisationCodeCheckChar('10000018')).toBe('X');
    expect(isValidOrganisationCode('10000018-X')).toBe(true);
    expect(organisationCodeCheckChar('10000004')).toBe('0');
    expect(isValidOrganisationCode('100000040')).toBe(true);
  });

  it('business licence registration number: 15 digits with an ISO 7064 MOD 11,10 check digit', () => {
    expect(isValidBusinessLicenceNo('110108000000016')).toBe(true);
    expect(isValidBusinessLicenceNo('110108000000017')).toBe(false);
    expect(isValidBusinessLicenceNo('11010800000001')).toBe(false);
    expect(isValidBusinessLicenceNo('11010800000001A')).toBe(false);
  });

  it('tax registration number: 6-digit division code followed by a valid organisation code', () => {
    expect(isValidTaxRegistrationNo('440300192203821')).toBe(true);
    expect(isValidTaxRegistrationNo('440300192203822')).toBe(false);
    expect(isValidTaxRegistrationNo('44030019220382')).toBe(false);
  });
});
