/**
 * What a conversion needs from other streams, read by the app before the command (deciders do
 * no I/O): the application the conversion names, and its company's identity ledger — the same
 * `company-identity-<key>` stream onboarding reserves for ONB-DUPLICATE (ADR 0008, ADR 0020).
 */
export interface ConversionFacts {
  applicationId: string;
  /** the onboarding machine's state of that application; 'none' when it was never drafted */
  applicationState: string;
  /** the company it is for (the organisation code); null when never drafted */
  identityKey: string | null;
  /** the application holding the company's reservation now, if any */
  reservedBy: string | null;
  /** the customers the company already is (one per product line) */
  customers: string[];
}

export interface ProspectServices {
  conversionFacts(applicationId: string): ConversionFacts;
}
