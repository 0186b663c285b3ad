import {
  type CustomerRef, DomainRuleViolation, NotPermitted, type TaskDeclaration, type WorkflowDefinition, type WorkflowState,
} from '@crm/workflow-kit';
import { assign, setup } from 'xstate';
import { archiveCheckCommandSchemas, type ArchiveCheckCommand } from './archive-check.commands';
import { archiveCheckEventSchemas, type ArchiveCheckEvent, CHECKER_ROLE } from './archive-check.events';
import { ARCHIVE_CHECK_VOCABULARY } from './archive-check.vocabulary';

export interface ArchiveCheckContext {
  checkId: string | null;
  period: string | null;
  checkerId: string | null;
  findingIds: string[];
  customerIds: string[];
}
const INITIAL: ArchiveCheckContext = { checkId: null, period: null, checkerId: null, findingIds: [], customerIds: [] };
const RULE = 'R-ARC-3';
const NO_FINDINGS = '未发现问题 (no findings)';

type Args = { context: ArchiveCheckContext; event: ArchiveCheckEvent };
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && new Set(a).size === a.length && a.every((x) => b.includes(x));
/** every finding answered once, none invented; the responder is not the checker */
const answersEveryFinding = ({ context, event }: Args) =>
  event.type === 'ArchiveCheckResponded' && event.data.respondedBy !== context.checkerId && sameSet(event.data.responses.map((r) => r.findingId), context.findingIds);
const byTheChecker = ({ context, event }: Args) => event.type === 'ArchiveCheckClosed' && event.data.closedBy === context.checkerId;
const hasFindings = ({ event }: Args) => event.type === 'ArchiveCheckRecorded' && event.data.findings.length > 0;
const closesAtOnce = ({ context, event }: Args) => context.findingIds.length === 0 && byTheChecker({ context, event });

/**
 * R-ARC-3 "产品经销公司化工品销售部定期对客户档案、客户管理进行检查" (ADR 0024): the parent's checker records
 * a check, the sales department responds to its findings, the checker closes it.
 */
export const archiveCheckMachine = setup({
  types: { context: {} as ArchiveCheckContext, events: {} as ArchiveCheckEvent },
  guards: { hasFindings, answersEveryFinding, byTheChecker, closesAtOnce },
  actions: {
    record: assign(({ event }) => (event.type === 'ArchiveCheckRecorded'
      ? { checkId: event.data.checkId, period: event.data.period, checkerId: event.data.checkerId, findingIds: event.data.findings.map((f) => f.findingId), customerIds: event.data.customerIds }
      : INITIAL)),
  },
}).createMachine({
  id: 'archive-check',
  initial: 'none',
  context: INITIAL,
  states: {
    none: { on: { ArchiveCheckRecorded: [{ guard: 'hasFindings', target: 'awaitingResponse', actions: 'record' }, { target: 'recorded', actions: 'record' }] } },
    /** a check without findings: closed by its checker in the same decision */
    recorded: { on: { ArchiveCheckClosed: { guard: 'closesAtOnce', target: 'closed' } } },
    awaitingResponse: { on: { ArchiveCheckResponded: { guard: 'answersEveryFinding', target: 'responded' } } },
    responded: { on: { ArchiveCheckClosed: { guard: 'byTheChecker', target: 'closed' } } },
    closed: { type: 'final' },
  },
});

export function decideArchiveCheck(command: ArchiveCheckCommand, state: WorkflowState<ArchiveCheckContext>): ArchiveCheckEvent[] {
  const { actor, now } = command.meta;
  const c = state.context;
  switch (command.type) {
    case 'RecordArchiveCheck': {
      assertChecker(actor.roles, actor.system);
      const { conclusion, ...data } = command.data;
      const ids = data.findings.map((f) => f.findingId);
      if (new Set(ids).size !== ids.length) throw new DomainRuleViolation(RULE, 'finding ids must be unique', 'data.findings');
      const recorded: ArchiveCheckEvent = { type: 'ArchiveCheckRecorded', data: { ...data, checkerId: actor.id, recordedAt: now, notify: ['sales'] } };
      if (data.findings.length > 0) return [recorded];
      const closed = { checkId: data.checkId, period: data.period, conclusion: conclusion ?? NO_FINDINGS, closedBy: actor.id, closedAt: now, notify: ['sales' as const] };
      return [recorded, { type: 'ArchiveCheckClosed', data: closed }];
    }
    case 'RespondToArchiveCheck': {
      if (actor.system || !actor.roles.includes('sales_reviewer')) throw new NotPermitted(RULE, 'the sales department (销售部), which keeps the archives, responds to a check');
      if (state.state !== 'awaitingResponse') throw new DomainRuleViolation(RULE, `check ${c.checkId} waits for no response (${state.state})`);
      const answered = command.data.responses.map((r) => r.findingId);
      const missing = c.findingIds.filter((id) => !answered.includes(id));
      const unknown = answered.filter((id) => !c.findingIds.includes(id));
      if (missing.length > 0) throw new DomainRuleViolation(RULE, `every finding needs a response (missing: ${missing.join(', ')})`, 'data.responses');
      if (unknown.length > 0 || new Set(answered).size !== answered.length) throw new DomainRuleViolation(RULE, `responses name unknown or repeated findings: ${unknown.join(', ') || 'repeated'}`, 'data.responses');
      const data = { checkId: c.checkId as string, period: c.period as string, responses: command.data.responses, respondedBy: actor.id, respondedAt: now, notifyUsers: [c.checkerId as string] };
      return [{ type: 'ArchiveCheckResponded', data }];
    }
    case 'CloseArchiveCheck': {
      assertChecker(actor.roles, actor.system);
      if (actor.id !== c.checkerId) throw new NotPermitted(RULE, `the checker who recorded check ${c.checkId} (${c.checkerId}) closes it`);
      if (state.state !== 'responded') throw new DomainRuleViolation(RULE, `check ${c.checkId} is closed once the sales department has responded (${state.state})`);
      return [{ type: 'ArchiveCheckClosed', data: { checkId: c.checkId as string, period: c.period as string, conclusion: command.data.conclusion, closedBy: actor.id, closedAt: now, notify: ['sales'] } }];
    }
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
}

function assertChecker(roles: readonly string[], system: boolean | undefined): void {
  if (system || !roles.includes(CHECKER_ROLE)) throw new NotPermitted(RULE, 'archive checks are the parent\'s chemicals sales department\'s (产品经销公司化工品销售部)');
}

const subject = () => ({ customerId: null, name: null });
const link = (id: string) => ({ console: '/#/archive-filings', api: `/archive-checks/${encodeURIComponent(id)}` });
const reminders = { version: 'archive-check-tasks-2026-12', remindAfterWorkingDays: 5, escalateAfterWorkingDays: null, escalateTo: null };

const archiveCheckTasks: readonly TaskDeclaration<ArchiveCheckContext>[] = [
  {
    type: 'archive-check.respond', title: '产品经销公司档案检查发现问题待销售部回复', step: 'respond', states: ['awaitingResponse'],
    holders: (s) => ({ roles: ['sales_reviewer'], assignee: null, excluded: s.context.checkerId ? [s.context.checkerId] : [] }),
    delegable: true, commands: ['RespondToArchiveCheck'], dueWorkingDays: 10, reminders, subject, link,
    sampleData: (_c, s) => ({ responses: s.context.findingIds.map((findingId) => ({ findingId, response: '已整改' })) }),
  },
  {
    type: 'archive-check.close', title: '档案检查待检查人关闭', step: 'close', states: ['responded'],
    holders: (s) => ({ roles: [CHECKER_ROLE], assignee: s.context.checkerId, excluded: [] }),
    delegable: false, commands: ['CloseArchiveCheck'], dueWorkingDays: 10, reminders, subject, link,
    sampleData: () => ({ conclusion: '整改到位，检查关闭' }),
  },
];

/** The customers a check names must exist; the parent's department checks every customer. */
const customers = (command: ArchiveCheckCommand): CustomerRef[] => {
  if (command.type !== 'RecordArchiveCheck') return [];
  const named = command.data.customerIds.map((customerId, i) => ({ customerId, field: `customerIds.${i}`, anyManager: true }));
  const found = command.data.findings.flatMap((f, i) => (f.customerId ? [{ customerId: f.customerId, field: `findings.${i}.customerId`, anyManager: true }] : []));
  return [...named, ...found];
};

export const archiveCheckWorkflow: WorkflowDefinition<ArchiveCheckCommand, ArchiveCheckEvent, ArchiveCheckContext, undefined> = {
  name: 'archive-check',
  version: '1',
  streamPrefix: 'archive-check',
  machine: archiveCheckMachine,
  commandSchemas: archiveCheckCommandSchemas,
  eventSchemas: archiveCheckEventSchemas,
  vocabulary: ARCHIVE_CHECK_VOCABULARY,
  creationCommands: ['RecordArchiveCheck'],
  decide: decideArchiveCheck,
  customersOf: customers,
  tasks: archiveCheckTasks,
};
