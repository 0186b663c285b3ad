import type { Role } from '@crm/workflow-kit';
import type { ConsultationContext } from './consultation.context';
import { isAtOrBefore } from './complaint.rules';

/** Rule ids cited by refusals and tests (domain.md). */
export const ConsultationRule = {
  /** 第四条(六) 及时、准确地记录、处理客户咨询: recorded and answered by the department */
  record: 'R-CMP-5',
  /** the answer is due on the general complaint's working-day clock (ADR 0026) */
  deadline: 'R-CNS-1',
  timer: 'CMP-TIMER',
} as const;

/** A late answer is escalated to the supervisor, as a complaint's breach is. */
export const CONSULTATION_BREACH_RECIPIENTS: readonly Role[] = ['supervisor'];

/** The answer deadline passed before `at` and no breach of it is on record (R-CNS-1, as R-CMP-3's breachUnrecorded). */
export const consultationBreachUnrecorded = (context: ConsultationContext, at: string): boolean =>
  context.deadline !== null && !isAtOrBefore(at, context.deadline.due) && context.breachedFor !== context.deadline.due;
