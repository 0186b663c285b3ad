import fc from 'fast-check';
import { commandOf, decideOnWorkflow, replayEvents, type Actor, type AnyDomainEvent, type Role } from '@crm/workflow-kit';
import { developmentPlanWorkflow, type PlanCommand } from '../src';
import { at, draftCommand, planContent } from './development.fixtures';

/** A small cast with overlapping roles, so that drafters who also hold approving roles come up often. */
const PEOPLE: Actor[] = [
  { id: 'u1', roles: ['sales_reviewer', 'supervisor'] },
  { id: 'u2', roles: ['sales_reviewer', 'general_manager'] },
  { id: 'u3', roles: ['supervisor'] },
  { id: 'u4', roles: ['general_manager'] },
  { id: 'u5', roles: ['customer_manager', 'supervisor', 'general_manager'] },
  { id: 'u6', roles: ['sales_reviewer'] },
];
const ROLES: Role[] = ['sales_reviewer', 'customer_manager', 'supervisor', 'general_manager'];

const step = fc.record({
  person: fc.integer({ min: 0, max: PEOPLE.length - 1 }),
  kind: fc.constantFrom('revise', 'submit', 'head', 'meeting', 'return', 'reject'),
});

function commandFor(kind: string, actor: Actor, now: string): PlanCommand {
  const data: Record<string, object> = {
    revise: { ...planContent(), reason: '修改' }, submit: {}, head: {}, meeting: { minutes: '纪要', heldAt: now }, return: { reason: '退回' }, reject: { reason: '否' },
  };
  const type = { revise: 'ReviseDevelopmentPlan', submit: 'SubmitDevelopmentPlan', head: 'ApproveAsDepartmentHead', meeting: 'RecordManagersMeetingApproval', return: 'ReturnDevelopmentPlan', reject: 'RejectDevelopmentPlan' }[kind];
  return commandOf<PlanCommand>(type as never, data[kind] as never, actor, now);
}

describe('DEV-SELF property', () => {
  let approvals = 0;
  afterAll(() => {
    // the property says nothing if no approval ever happened
    expect(approvals).toBeGreaterThan(0);
  });

  it('DEV-SELF/R-DEV-2: over any sequence of commands by people with mixed roles, no approval is ever by someone who drafted or revised the plan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: PEOPLE.length - 1 }), fc.array(step, { maxLength: 25 }), (drafterIndex, steps) => {
        const drafter = PEOPLE[drafterIndex];
        if (!drafter.roles.some((r) => r === 'sales_reviewer' || r === 'customer_manager')) return;
        const events: AnyDomainEvent[] = [];
        const tryRun = (command: PlanCommand) => {
          try {
            events.push(...decideOnWorkflow(developmentPlanWorkflow, replayEvents(developmentPlanWorkflow, events), events.length - 1 < 0 ? null : events.length - 1, command, undefined).events);
          } catch {
            // refused commands append nothing; the property is about what was accepted
          }
        };
        tryRun(draftCommand(drafter, at(1)));
        steps.forEach((s, i) => tryRun(commandFor(s.kind, PEOPLE[s.person], at(2 + i))));
        const authors = new Set<string>();
        for (const event of events) {
          const data = event.data as { by?: string; role?: Role };
          if (event.type === 'DevelopmentPlanDrafted' || event.type === 'DevelopmentPlanRevised') authors.add(data.by ?? '');
          if (event.type.startsWith('DevelopmentPlanApprovedBy')) {
            approvals += 1;
            expect(authors.has(data.by ?? '')).toBe(false);
          }
          if (data.role) expect(ROLES).toContain(data.role);
        }
      }),
      { numRuns: 300 },
    );
  });
});
