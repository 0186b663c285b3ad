import {
  type CustomerRef, DomainRuleViolation, NotPermitted, type TaskDeclaration, type WorkflowDefinition, type WorkflowState,
} from '@crm/workflow-kit';
import { assign, setup } from 'xstate';
import { archiveFilingCommandSchemas, type ArchiveFilingCommand } from './archive-filing.commands';
import { archiveFilingEventSchemas, type ArchiveFilingEvent, type FilingKind, PARENT_CHEMICALS_SALES } from './archive-filing.events';
import { ARCHIVE_FILING_VOCABULARY } from './archive-filing.vocabulary';

export interface FilingState {
  kind: FilingKind;
  filedAt: string;
  status: 'pending' | 'acknowledged';
  acknowledgedBy: string | null;
}
/** One customer's filings with the parent, by filing id (the archive event each reports). */
export interface ArchiveFilingContext {
  customerId: string | null;
  filings: Record<string, FilingState>;
}
const INITIAL: ArchiveFilingContext = { customerId: null, filings: {} };
const RULE = 'R-ARC-3';

type Args = { context: ArchiveFilingContext; event: ArchiveFilingEvent };
const filingIsNew = ({ context, event }: Args) =>
  event.type === 'ArchiveFilingOpened' && !context.filings[event.data.filingId] && (context.customerId === null || context.customerId === event.data.customerId);
const acknowledgesPending = ({ context, event }: Args) =>
  event.type === 'ArchiveFilingAcknowledged' && context.filings[event.data.filingId]?.status === 'pending' && context.customerId === event.data.customerId;

function evolve(context: ArchiveFilingContext, event: ArchiveFilingEvent): ArchiveFilingContext {
  if (event.type === 'ArchiveFilingOpened') {
    const filing: FilingState = { kind: event.data.kind, filedAt: event.data.filedAt, status: 'pending', acknowledgedBy: null };
    return { customerId: event.data.customerId, filings: { ...context.filings, [event.data.filingId]: filing } };
  }
  const filing = context.filings[event.data.filingId];
  return { ...context, filings: { ...context.filings, [event.data.filingId]: { ...filing, status: 'acknowledged', acknowledgedBy: event.data.acknowledgedBy } } };
}

/**
 * The stream `archive-filing-<customerId>`: a ledger that opens with the customer's first filing and
 * lives on. Every filing waits for the parent's department until acknowledged, once.
 */
export const archiveFilingMachine = setup({
  types: { context: {} as ArchiveFilingContext, events: {} as ArchiveFilingEvent },
  guards: { filingIsNew, acknowledgesPending },
  actions: { evolve: assign(({ context, event }) => evolve(context, event)) },
}).createMachine({
  id: 'archive-filing',
  initial: 'none',
  context: INITIAL,
  states: {
    none: { on: { ArchiveFilingOpened: { guard: 'filingIsNew', target: 'open', actions: 'evolve' } } },
    open: {
      on: {
        ArchiveFilingOpened: { guard: 'filingIsNew', actions: 'evolve' },
        ArchiveFilingAcknowledged: { guard: 'acknowledgesPending', actions: 'evolve' },
      },
    },
  },
});

/** R-ARC-3 报产品经销公司化工品销售部备案: the reactor files, the parent's department acknowledges. */
export function decideArchiveFiling(command: ArchiveFilingCommand, state: WorkflowState<ArchiveFilingContext>): ArchiveFilingEvent[] {
  const { actor, now } = command.meta;
  if (command.type === 'FileArchiveRecord') {
    if (!actor.system) throw new NotPermitted(RULE, 'filings are made by the system for each archive opening or change');
    // a redelivered archive event files nothing twice
    if (state.context.filings[command.data.filingId]) return [];
    return [{ type: 'ArchiveFilingOpened', data: { ...command.data, filedAt: now, notify: [PARENT_CHEMICALS_SALES] } }];
  }
  if (actor.system || !actor.roles.includes(PARENT_CHEMICALS_SALES)) {
    throw new NotPermitted(RULE, 'only the parent\'s chemicals sales department (产品经销公司化工品销售部) acknowledges a filing');
  }
  const filing = state.context.filings[command.data.filingId];
  if (!filing) throw new DomainRuleViolation(RULE, `no filing ${command.data.filingId} for customer ${state.context.customerId}`, 'data.filingId');
  if (filing.status !== 'pending') throw new DomainRuleViolation(RULE, `filing ${command.data.filingId} was already acknowledged by ${filing.acknowledgedBy}`, 'data.filingId');
  const customerId = state.context.customerId as string;
  return [{ type: 'ArchiveFilingAcknowledged', data: { filingId: command.data.filingId, customerId, comment: command.data.comment || null, acknowledgedBy: actor.id, acknowledgedAt: now } }];
}

const pending = (s: WorkflowState<ArchiveFilingContext>) => Object.entries(s.context.filings).filter(([, f]) => f.status === 'pending').map(([id]) => id);

/** The text gives no time for 备案; five working days is the company's reading (ADR 0024), reminded after three. */
const acknowledgeTask: TaskDeclaration<ArchiveFilingContext> = {
  type: 'archive-filing.acknowledge',
  title: '客户资料待产品经销公司化工品销售部备案',
  step: 'acknowledge',
  states: ['open'],
  keysOf: pending,
  openWhen: (s) => pending(s).length > 0,
  holders: () => ({ roles: [PARENT_CHEMICALS_SALES], assignee: null, excluded: [] }),
  delegable: false,
  commands: ['AcknowledgeArchiveFiling'],
  dueWorkingDays: 5,
  reminders: { version: 'archive-filing-tasks-2026-12', remindAfterWorkingDays: 3, escalateAfterWorkingDays: null, escalateTo: null },
  subject: (s) => ({ customerId: s.context.customerId, name: null }),
  link: (id) => ({ console: '/#/archive-filings', api: `/archive-filings?customerId=${encodeURIComponent(id)}` }),
  sampleData: (_c, _s, _a, key) => ({ filingId: key }),
};

/** A filing names its customer, which must exist; ownership does not restrict the parent's department. */
const customers = (command: ArchiveFilingCommand, state: WorkflowState<ArchiveFilingContext>): CustomerRef[] => {
  const id = command.type === 'FileArchiveRecord' ? command.data.customerId : state.context.customerId;
  return id ? [{ customerId: id, anyManager: true }] : [];
};

export const archiveFilingWorkflow: WorkflowDefinition<ArchiveFilingCommand, ArchiveFilingEvent, ArchiveFilingContext, undefined> = {
  name: 'archive-filing',
  version: '1',
  streamPrefix: 'archive-filing',
  machine: archiveFilingMachine,
  commandSchemas: archiveFilingCommandSchemas,
  eventSchemas: archiveFilingEventSchemas,
  vocabulary: ARCHIVE_FILING_VOCABULARY,
  creationCommands: [],
  openOrContinueCommands: ['FileArchiveRecord'],
  decide: decideArchiveFiling,
  customersOf: customers,
  tasks: [acknowledgeTask],
  retryableOnConflict: ['FileArchiveRecord'],
};
