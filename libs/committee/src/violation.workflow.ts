import { type CustomerRef, DECIDING_ROLES, DomainRuleViolation, NotPermitted, type TaskDeclaration, type WorkflowDefinition, type WorkflowState } from '@crm/workflow-kit';
import { assign, setup } from 'xstate';
import { CommitteeRule, type CommitteeCharter } from './committee.shapes';
import { violationCommandSchemas, type ViolationCommand } from './violation.commands';
import { violationEventSchemas, type ViolationEvent } from './violation.events';
import { VIOLATION_VOCABULARY } from './violation.vocabulary';

export interface ViolationContext { caseId: string | null; customerId: string | null; chairId: string | null; openedBy: string | null }
export interface ViolationServices { charter: CommitteeCharter | null }
const INITIAL: ViolationContext = { caseId: null, customerId: null, chairId: null, openedBy: null };
const RULE = CommitteeRule.violation;

const violationMachine = setup({
  types: { context: {} as ViolationContext, events: {} as ViolationEvent },
  guards: { byTheChair: ({ context, event }) => event.type === 'ViolationCaseDecided' && event.data.by === context.chairId },
  actions: {
    open: assign(({ event }) => (event.type === 'ViolationCaseOpened' ? { caseId: event.data.caseId, customerId: event.data.customerId, chairId: event.data.chairId, openedBy: event.data.by } : INITIAL)),
  },
}).createMachine({
  id: 'violation-case',
  initial: 'none',
  context: INITIAL,
  states: {
    none: { on: { ViolationCaseOpened: { target: 'open', actions: 'open' } } },
    open: { on: { ViolationCaseDecided: { guard: 'byTheChair', target: 'decided' } } },
    decided: { type: 'final' },
  },
});

/** R-PRICE-2: opened by anyone (auditors only read), decided by the committee through its chair; visible in the customer's history. */
function decideViolation(command: ViolationCommand, state: WorkflowState<ViolationContext>, services: ViolationServices): ViolationEvent[] {
  const { actor, now: at } = command.meta;
  if (command.type === 'OpenViolationCase') {
    const chairId = services.charter?.chairId;
    if (!chairId) throw new DomainRuleViolation(RULE, 'the committee has no charter yet: an administrator publishes it first', 'caseId');
    return [{ type: 'ViolationCaseOpened', data: { ...command.data, chairId, by: actor.id, at, notifyUsers: [chairId] } }];
  }
  if (state.context.chairId !== actor.id) throw new NotPermitted(RULE, 'the committee\'s chair records its decision on a case');
  const { caseId, customerId, openedBy } = state.context;
  return [{ type: 'ViolationCaseDecided', data: { ...command.data, caseId: caseId as string, customerId, by: actor.id, at, notifyUsers: [openedBy as string] } }];
}

/** A case names a customer that must exist; anyone may report on any customer, so ownership does not restrict it. */
const customers = (command: ViolationCommand, state: WorkflowState<ViolationContext>): CustomerRef[] => {
  const id = command.type === 'OpenViolationCase' ? command.data.customerId : state.context.customerId;
  return id ? [{ customerId: id, field: 'customerId', anyManager: true }] : [];
};

/** R-PRICE-2 处理违规、违纪行为: a case waits on the committee's chair. */
const violationTasks: readonly TaskDeclaration<ViolationContext>[] = [
  {
    type: 'violation-case.decide',
    title: '违规案件待委员会处理',
    step: 'decide',
    states: ['open'],
    holders: (s) => ({ roles: DECIDING_ROLES, assignee: s.context.chairId, excluded: [] }),
    delegable: false,
    commands: ['DecideViolationCase'],
    dueWorkingDays: 10,
    reminders: { version: 'committee-tasks-2026-12', remindAfterWorkingDays: 5, escalateAfterWorkingDays: null, escalateTo: null },
    subject: (s) => ({ customerId: s.context.customerId, name: null }),
    link: (id) => ({ console: '/#/committee', api: `/committee/violations/${encodeURIComponent(id)}` }),
    sampleData: () => ({ finding: 'dismissed', decision: '经审议不构成违规', sanction: null }),
  },
];

export const violationWorkflow: WorkflowDefinition<ViolationCommand, ViolationEvent, ViolationContext, ViolationServices> = {
  name: 'violation-case',
  version: '1',
  streamPrefix: 'violation-case',
  machine: violationMachine,
  commandSchemas: violationCommandSchemas,
  eventSchemas: violationEventSchemas,
  vocabulary: VIOLATION_VOCABULARY,
  creationCommands: ['OpenViolationCase'],
  decide: decideViolation,
  customersOf: customers,
  tasks: violationTasks,
};
