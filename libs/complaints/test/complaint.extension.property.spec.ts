import fc from 'fast-check';
import { WorkingCalendar } from '@crm/calendar';
import {
  decideOnWorkflow, DomainRuleViolation, NotPermitted, replayEvents, TransitionNotAllowed, type AnyCommand, type AnyDomainEvent,
} from '@crm/workflow-kit';
import { complaintEventSchemas, complaintWorkflow, DEFAULT_COMPLAINT_POLICY, type ComplaintContext, type ComplaintServices } from '../src';
import { cmd, GM, MANAGER, SALES, SUPERVISOR } from './complaint.fixtures';

const official = WorkingCalendar.official();
const services: ComplaintServices = { calendar: official, policy: DEFAULT_COMPLAINT_POLICY };
const DAY_MS = 86_400_000;

type Step =
  | { kind: 'request'; days: number }
  | { kind: 'approveChain' }
  | { kind: 'approveFirst' }
  | { kind: 'reject' }
  | { kind: 'reclassify'; to: 'general' | 'major' | 'serious' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('request' as const), days: fc.integer({ min: 1, max: 10 }) }),
  fc.constant({ kind: 'approveChain' as const }),
  fc.constant({ kind: 'approveFirst' as const }),
  fc.constant({ kind: 'reject' as const }),
  fc.record({ kind: fc.constant('reclassify' as const), to: fc.constantFrom('general' as const, 'major' as const, 'serious' as const) }),
);

function commandsFor(step: Step, context: ComplaintContext, now: string): AnyCommand[] {
  const requestId = context.pendingExtension?.requestId ?? 'ext-none';
  switch (step.kind) {
    case 'request':
      return [cmd('RequestExtension', { additionalWorkingDays: step.days, reason: '特殊情况' }, MANAGER, now)];
    case 'approveChain':
      return [cmd('ApproveExtension', { requestId }, SUPERVISOR, now), cmd('ApproveExtension', { requestId }, GM, now)];
    case 'approveFirst':
      return [cmd('ApproveExtension', { requestId }, SUPERVISOR, now)];
    case 'reject':
      return [cmd('RejectExtension', { requestId, reason: '不同意' }, GM, now)];
    case 'reclassify':
      return [cmd('ReclassifyComplaint', { class: step.to, reason: '复核' }, SALES, now)];
  }
}

const REFUSALS = [DomainRuleViolation, NotPermitted, TransitionNotAllowed];

/** Applies a command; a refusal (the rules saying no) leaves the history unchanged. */
function apply(events: AnyDomainEvent[], command: AnyCommand): AnyDomainEvent[] {
  try {
    const decision = decideOnWorkflow(complaintWorkflow, replayEvents(complaintWorkflow, events), events.length - 1, command, services);
    return [...events, ...decision.events];
  } catch (error) {
    if (REFUSALS.some((E) => error instanceof E)) return events;
    throw error;
  }
}

describe('extension cap property (R-CMP-3)', () => {
  it('R-CMP-3: any sequence of extension requests, approvals, rejections and reclassifications never yields a due beyond 7 working days from receipt', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 360 }),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        fc.constantFrom('general' as const, 'major' as const, 'serious' as const),
        fc.array(stepArb, { maxLength: 12 }),
        (dayOfYear, minuteOfDay, complaintClass, steps) => {
          const receivedMs = Date.parse('2026-01-01T00:00:00+08:00') + dayOfYear * DAY_MS + minuteOfDay * 60_000;
          const receivedAt = new Date(receivedMs).toISOString();
          const cap = Date.parse(official.addWorkingDays(receivedAt, 7).due);
          let events = apply([], cmd('RecordComplaint', { complaintId: 'p', customerId: 'c', receivedAt, channel: 'phone', content: '投诉' }, MANAGER, receivedAt));
          events = apply(events, cmd('ClassifyComplaint', { class: complaintClass }, SALES, receivedAt));
          steps.forEach((step, i) => {
            const now = new Date(receivedMs + (i + 1) * 60_000).toISOString();
            for (const command of commandsFor(step, replayEvents(complaintWorkflow, events).context as ComplaintContext, now)) events = apply(events, command);
            const { sla } = replayEvents(complaintWorkflow, events).context as ComplaintContext;
            expect(sla?.workingDays).toBeLessThanOrEqual(7);
            expect(Date.parse(sla?.deadline.due ?? '')).toBeLessThanOrEqual(cap);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('every event the decider produces along such sequences is valid against its zod schema', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 8 }), (steps) => {
        const receivedAt = '2026-09-29T16:00:00+08:00';
        let events = apply([], cmd('RecordComplaint', { complaintId: 'p', customerId: 'c', receivedAt, channel: 'letter', content: '投诉' }, MANAGER, receivedAt));
        events = apply(events, cmd('ClassifyComplaint', { class: 'major' }, SALES, receivedAt));
        for (const step of steps) {
          for (const command of commandsFor(step, replayEvents(complaintWorkflow, events).context as ComplaintContext, '2026-09-29T17:00:00+08:00')) events = apply(events, command);
        }
        for (const event of events) {
          const schema = complaintEventSchemas[event.type as keyof typeof complaintEventSchemas];
          expect(schema.safeParse(event.data).success).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
