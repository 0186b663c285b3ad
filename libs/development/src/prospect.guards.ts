import type { ProspectContext } from './prospect.context';
import type { ProspectEvent } from './prospect.events';
import { organisationCodeInCreditCode } from '@crm/onboarding';
import { PROSPECT_CLOSER_ROLES, PROSPECT_KEEPER_ROLES } from './development.rules';

type GuardArgs = { context: ProspectContext; event: ProspectEvent };

/** Named guards of the prospect machine. */
export const prospectGuards = {
  /** R-DEV-1: customer managers keep prospect archives */
  actsAsKeeper: ({ event }: GuardArgs) => PROSPECT_KEEPER_ROLES.includes(event.data.role),
  /** R-DEV-1: a manager keeps their own archives; another manager does not edit them */
  isOwnProspect: ({ context, event }: GuardArgs) => event.data.by === context.customerManagerId,
  /** R-DEV-1: converting or dropping: the keeping manager, or the sales department */
  actsAsCloser: ({ context, event }: GuardArgs) =>
    PROSPECT_CLOSER_ROLES.includes(event.data.role) && (event.data.role !== 'customer_manager' || event.data.by === context.customerManagerId),
  /** R-DEV-1: a prospect whose credit code is on file converts into an application for that company */
  convertsOwnCompany: ({ context, event }: GuardArgs) =>
    event.type === 'ProspectConverted' && (!event.data.identityKey || !context.identifiers.creditCode || organisationCodeInCreditCode(context.identifiers.creditCode) === event.data.identityKey),
  registersForSelf: ({ event }: GuardArgs) => event.type === 'ProspectRegistered' && event.data.customerManagerId === event.data.by,
  changesSomething: ({ event }: GuardArgs) => event.type === 'ProspectUpdated' && Object.keys(event.data.changes).length > 0,
};
