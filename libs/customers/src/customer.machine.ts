import { assign, setup } from 'xstate';
import { initialCustomerContext, type CustomerContext } from './customer.context';
import type { CustomerEvent } from './customer.events';
import { evolveCustomer } from './customer.evolve';
import { customerGuards } from './customer.guards';

type GuardArgs = { context: CustomerContext; event: CustomerEvent };
const named = Object.fromEntries(
  Object.entries(customerGuards).map(([name, guard]) => [name, ({ context, event }: GuardArgs) => guard(context, event)]),
) as { [K in keyof typeof customerGuards]: (args: GuardArgs) => boolean };

/** An event accepted when its guard holds; context always changes through `evolve`. */
const on = (guard: keyof typeof customerGuards, target?: string) => ({ guard, actions: 'evolve' as const, ...(target ? { target } : {}) });

/**
 * The customer archive (客户档案) from opening to its possible end. `open.active` is the only
 * state where business starts (pickups, sales plans, licences); `open.suspended` keeps the
 * archive alive while a qualification is expired (R-EVAL-1); `disqualified` is final (R-EVAL-3).
 * A proposed grade move and a proof of renewal under way wait on the sales department in any open
 * state (tasks customer.confirm-grade and customer.renewal-proof, ADR 0023).
 */
export const customerMachine = setup({
  types: { context: {} as CustomerContext, events: {} as CustomerEvent },
  guards: named,
  actions: { evolve: assign(({ context, event }) => evolveCustomer(context, event)) },
}).createMachine({
  id: 'customer',
  initial: 'none',
  context: initialCustomerContext,
  states: {
    none: { on: { CustomerArchiveOpened: on('archiveIsAdmissible', 'open') } },
    open: {
      initial: 'active',
      on: {
        CustomerInformationChanged: on('changesSomething'),
        QualificationDocumentRenewed: on('renewsKnownDocument'),
        DocumentExpiryWarned: on('documentAwaitsWarning'),
        QualificationExpired: on('documentIsLive'),
        PickupCorrected: on('isLivePickup'),
        ReceiptRecorded: on('receiptAddsUp'),
        PickupVoided: on('isLivePickup'),
        MonthEvaluated: on('isUnchangedNextMonth'),
        CustomerGradeChanged: on('gradeChangeIsWarranted'),
        MonthReevaluated: on('monthWasEvaluated'),
        GradeMoveProposed: on('proposalIsWarranted'),
        GradeMoveHeld: on('holdsPendingMove'),
        GradeMoveLapsed: on('lapsesPendingMove'),
        RenewalProofFiled: on('proofCanBeFiled'),
        RenewalProofApproved: on('approvesPendingProof'),
        RenewalProofRejected: on('rejectsPendingProof'),
        AgencyLicenceExpired: on('licenceIsLive'),
        DisqualificationProposed: on('noPendingProposal'),
        DisqualificationRejected: on('hasPendingProposal'),
        CustomerDisqualified: on('hasPendingProposal', '#customer.disqualified'),
        IdentityChangeRequested: on('identityChangeCanBeRequested'),
        CustomerIdentityChanged: on('approvesPendingIdentityChange'),
        IdentityChangeRejected: on('rejectsPendingIdentityChange'),
        QualificationDocumentAdded: on('documentIsNew'),
      },
      states: {
        active: {
          on: {
            PickupRecorded: on('isNewPickup'),
            SalesPlanFiled: on('isExclusiveAgent'),
            SalesPlanMissing: on('planIsMissing'),
            AgencyLicenceIssued: on('licenceCanBeIssued'),
            CustomerSuspended: on('hasExpiredDocument', 'suspended'),
          },
        },
        suspended: {
          on: { CustomerReinstated: on('allDocumentsValid', 'active') },
        },
      },
    },
    disqualified: { type: 'final' },
  },
});
