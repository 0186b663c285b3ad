import type { CustomerRef, DeadlineSpec, TaskDeclaration, WorkflowDefinition, WorkflowState } from '@crm/workflow-kit';
import type { ComplaintServices } from './complaint.services';
import { consultationCommandSchemas, type ConsultationCommand } from './consultation.commands';
import type { ConsultationContext } from './consultation.context';
import { decideConsultation, isConsultationOpen } from './consultation.decider';
import { consultationEventSchemas, type ConsultationEvent } from './consultation.events';
import { consultationMachine } from './consultation.machine';
import { CONSULTATION_VOCABULARY } from './consultation.vocabulary';

type State = WorkflowState<ConsultationContext>;

/** The stream prefix: `consultation-<id>` (never `customer-`: that is the archive's). */
export const CONSULTATION_STREAM_PREFIX = 'consultation';

/** R-CNS-1: the durable breach timer at the answer deadline, while the clock runs (deadlines are outputs, firings inputs). */
export function consultationDeadlines(state: State): DeadlineSpec[] {
  const { deadline, breachedFor } = state.context;
  if (!isConsultationOpen(state) || !deadline || breachedFor === deadline.due) return [];
  return [{ key: 'sla-breach', dueAt: deadline.due, command: { type: 'MarkConsultationSlaBreached', data: { dueAt: deadline.due } } }];
}

/** An enquiry is about one customer (R-KAM-2: which must exist, and is the manager's own). */
export function consultationCustomers(command: ConsultationCommand, state: State): CustomerRef[] {
  if (command.type === 'RecordConsultation') return [{ customerId: command.data.customerId, field: 'customerId' }];
  return state.context.customerId ? [{ customerId: state.context.customerId }] : [];
}

/** R-CMP-5 处理客户咨询: the department answers, due at the R-CNS-1 deadline; the breach alert is the escalation. */
export const consultationAnswerTask: TaskDeclaration<ConsultationContext> = {
  type: 'consultation.answer', title: '客户咨询待答复', step: 'answer', states: ['recorded'], commands: ['AnswerConsultation'],
  holders: (s) => ({ roles: [...(s.context.policy?.handlerRoles ?? [])], assignee: null, excluded: [] }),
  delegable: true,
  dueWorkingDays: null,
  dueAtOf: (s) => s.context.deadline?.due ?? null,
  reminders: { version: 'consultation-tasks-2026-12', remindAfterWorkingDays: null, escalateAfterWorkingDays: null, escalateTo: null },
  subject: (s) => ({ customerId: s.context.customerId, name: null }),
  link: (id) => ({ console: `/#/consultations/${encodeURIComponent(id)}`, api: `/consultations/${encodeURIComponent(id)}` }),
  sampleData: (commandType) => (commandType === 'AnswerConsultation' ? { channel: 'phone', answer: '答复内容' } : null),
};

/** One stream per customer enquiry, `consultation-<consultationId>`, from its record to its answer. */
export const consultationWorkflow: WorkflowDefinition<ConsultationCommand, ConsultationEvent, ConsultationContext, ComplaintServices> = {
  name: 'consultation',
  version: '1',
  streamPrefix: CONSULTATION_STREAM_PREFIX,
  machine: consultationMachine,
  commandSchemas: consultationCommandSchemas,
  eventSchemas: consultationEventSchemas,
  creationCommands: ['RecordConsultation'],
  decide: decideConsultation,
  customersOf: consultationCustomers,
  deadlines: consultationDeadlines,
  vocabulary: CONSULTATION_VOCABULARY,
  tasks: [consultationAnswerTask],
  retryableOnConflict: ['MarkConsultationSlaBreached'],
};
