import type { Lang } from '../../i18n/i18n.context';

/**
 * English titles of the human tasks, by task type. The workflows declare each task's title in
 * Chinese beside its states (TaskDeclaration.title), and the task list stores that; the console in
 * English reads this table instead (task-titles.spec.ts checks every declared type is here).
 */
export const TASK_TITLES_EN: Readonly<Record<string, string>> = {
  'onboarding.sales': 'Application: sales review',
  'onboarding.finance': 'Application: finance review',
  'onboarding.generalManager': 'Application: general manager’s approval',
  'onboarding.returned': 'Application returned for revision',
  'sales-contract.approve': 'Sales contract: supervisor’s approval',
  'sales-contract.sign': 'Sales contract to sign',
  'committee-proposal.group-decision': 'Price plan beyond authority: record the group’s reply',
  'complaint.approve-resolution': 'Complaint resolution: supervisor’s approval',
  'complaint.special-meeting': 'Serious complaint: general manager’s special meeting',
  'complaint.approve-extension': 'Complaint extension: supervisor’s approval',
  'customer.disqualification': 'Disqualification: general manager’s decision',
  'customer.document-renewal': 'Customer document to renew',
  'customer.confirm-grade': 'Grade change: sales confirmation',
  'customer.renewal-proof': 'Renewal proof: sales review',
  'customer.identity-change': 'Name or credit code change: sales approval',
  'development-plan.department-head': 'Development plan: department head’s approval',
  'development-plan.managers-meeting': 'Development plan: managers’ meeting',
  'development-plan.assessment': 'Development plan: quarterly assessment',
  'resource-allocation.approve': 'Monthly allocation: general manager’s approval',
  'resource-allocation.propose-again': 'Allocation returned: propose again',
  'customer-review.conclude': 'Customer review: record the result and report',
  'customer-forum.approve-plan': 'Customer forum plan: supervisor’s approval',
  'customer-forum.revise-plan': 'Customer forum plan returned: revise',
  'customer-forum.file-minutes': 'Customer forum: file the minutes',
  'satisfaction-survey.review-report': 'Satisfaction survey report: leaders’ review',
  'satisfaction-survey.improvement-plan': 'Satisfaction survey: draft the improvement plan',
  'satisfaction-survey.approve-plan': 'Improvement plan: general manager’s approval',
  'visit-plan.approve': 'Annual visit plan: sales approval',
  'visit-report.acknowledge': 'Visit findings: supervisor’s acknowledgement',
  'consultation.answer': 'Customer enquiry to answer',
  'violation-case.decide': 'Violation case: committee’s decision',
  'archive-filing.acknowledge': 'Customer record to acknowledge (parent’s chemicals sales department)',
  'archive-check.respond': 'Archive check findings: sales department’s answer',
  'archive-check.close': 'Archive check to close',
};

/** A task's title in the reader's language: the declared Chinese, or its English by type. */
export function taskTitle(task: { type: string; title: string }, lang: Lang): string {
  return lang === 'en' ? TASK_TITLES_EN[task.type] ?? 'Task' : task.title;
}
