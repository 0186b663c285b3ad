import type { ProspectIdentifiers, ProspectSource } from './development.shapes';
import type { ProspectField } from './prospect.events';

export interface ProspectContext {
  prospectId: string | null;
  companyName: string | null;
  identifiers: ProspectIdentifiers;
  region: string | null;
  productsOfInterest: string[];
  estimatedTonnesPerYear: number | null;
  source: ProspectSource | null;
  notes: string | null;
  customerManagerId: string | null;
  applicationId: string | null;
  dropReason: string | null;
}

export type ProspectFields = Pick<ProspectContext, ProspectField>;

export const INITIAL_PROSPECT_CONTEXT: ProspectContext = {
  prospectId: null,
  companyName: null,
  identifiers: {},
  region: null,
  productsOfInterest: [],
  estimatedTonnesPerYear: null,
  source: null,
  notes: null,
  customerManagerId: null,
  applicationId: null,
  dropReason: null,
};
