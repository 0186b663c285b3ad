/**
 * Chinese company identifiers (R-ONB-1). Since the 2015 "three certificates in one" reform a
 * company has one Unified Social Credit Code (统一社会信用代码, GB 32100-2015); older companies
 * may still present the separate business licence, tax registration and organisation code
 * numbers. Every check here is arithmetic on the string: no registry is consulted, so a code
 * that passes is well-formed, not necessarily issued.
 */

/** GB 32100-2015 alphabet: digits and capitals without I, O, S, V, Z (easily misread). */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NP-RT-UW-Y]{2}\d{6}[0-9A-HJ-NP-RT-UW-Y]{10}$/;

/** GB 11714-1997: eight body characters (digits or capitals) and a check character. */
const ORGANISATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORGANISATION_CODE_SHAPE = /^[0-9A-Z]{8}[0-9X]$/;

/** The check character a 17-character credit-code body must end with. */
export function creditCodeCheckChar(body17: string): string {
  const sum = [...body17].reduce((acc, ch, i) => acc + CREDIT_CODE_CHARSET.indexOf(ch) * CREDIT_CODE_WEIGHTS[i], 0);
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/**
 * 18 characters: registration authority, organisation type, 6-digit administrative division,
 * 9-character subject code, check character (weighted sum mod 31).
 */
export function isValidCreditCode(code: string): boolean {
  if (!CREDIT_CODE_SHAPE.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** Characters 9–17 of a credit code: the subject's organisation code (GB 11714 shaped). */
export function organisationCodeInCreditCode(code: string): string {
  return code.slice(8, 17);
}

function organisationValue(ch: string): number {
  return /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55; // A = 10 … Z = 35
}

/** GB 11714: C9 = 11 − (Σ value × weight mod 11); 10 is written X and 11 is written 0. */
export function organisationCodeCheckChar(body8: string): string {
  const sum = [...body8].reduce((acc, ch, i) => acc + organisationValue(ch) * ORGANISATION_CODE_WEIGHTS[i], 0);
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  return check === 11 ? '0' : String(check);
}

/** Organisation code certificates print `XXXXXXXX-X`; both that and the bare 9 characters are accepted. */
export function normaliseOrganisationCode(code: string): string {
  return code.trim().toUpperCase().replace(/-/g, '');
}

export function isValidOrganisationCode(code: string): boolean {
  const bare = normaliseOrganisationCode(code);
  if (!ORGANISATION_CODE_SHAPE.test(bare)) return false;
  return organisationCodeCheckChar(bare.slice(0, 8)) === bare[8];
}

/** ISO 7064 MOD 11,10 (hybrid system) check digit over a string of digits. */
export function mod11_10CheckDigit(digits: string): number {
  let product = 10;
  for (const ch of digits) {
    const sum = (product % 11) + Number(ch);
    product = ((sum % 10) || 10) * 2;
  }
  return (11 - (product % 11)) % 10;
}

/**
 * The pre-2015 business licence registration number (工商注册号, GS15-2006): 15 digits, the
 * first six the registering authority's division code, the last an ISO 7064 MOD 11,10 check.
 */
export function isValidBusinessLicenceNo(code: string): boolean {
  if (!/^\d{15}$/.test(code)) return false;
  return mod11_10CheckDigit(code.slice(0, 14)) === Number(code[14]);
}

/**
 * Tax registration number (税务登记证号) of a company: the 6-digit division code of the tax
 * office followed by the company's organisation code, so its last nine characters carry the
 * GB 11714 check. (Sole proprietors used their identity-card number; they do not open accounts here.)
 */
export function isValidTaxRegistrationNo(code: string): boolean {
  if (!/^\d{6}[0-9A-Z]{8}[0-9X]$/.test(code)) return false;
  return isValidOrganisationCode(code.slice(6));
}

export function organisationCodeInTaxRegistrationNo(code: string): string {
  return code.slice(6);
}
