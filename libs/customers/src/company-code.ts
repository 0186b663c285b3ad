import type { Identifiers } from './customer.shapes';

/**
 * The code people read a company by. An archive opened from an application or an import carries
 * the application's identifiers (`{ kind: 'unified', creditCode }`, or the three older numbers);
 * an archive opened by hand may name the credit code `unifiedSocialCreditCode`.
 */
export function companyCodeOf(identifiers: Identifiers | null | undefined): string | null {
  if (!identifiers) return null;
  return identifiers.creditCode ?? identifiers.unifiedSocialCreditCode ?? identifiers.businessLicenceNo ?? identifiers.organisationCode ?? null;
}
