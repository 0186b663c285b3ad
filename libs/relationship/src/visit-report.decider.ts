import { DomainRuleViolation, TransitionNotAllowed, type WorkflowState } from '@crm/workflow-kit';
import { scoreRatings } from './rating-scales';
import { actingRole, LEADER_ROLES, RelationshipRule, VISITOR_ROLES } from './relationship.rules';
import { beijingDateOf, yearOf } from './relationship.shapes';
import type { VisitReportCommand } from './visit-report.commands';
import type { VisitReportContext, VisitReportServices } from './visit-report.context';
import type { VisitReportEvent } from './visit-report.events';
import { formGap } from './visit-report.form';

type Submit = Extract<VisitReportCommand, { type: 'SubmitVisitReport' }>;

/** R-VISIT-1: a planned visit names an item of its own approved plan, for the same customer and year. */
function planMonthOf(command: Submit, services: VisitReportServices): number | null {
  const { basis, customerId, visitedOn } = command.data;
  if (basis.kind === 'unplanned') return null;
  const item = services.planItem(basis.planId, basis.itemId);
  const refuse = (why: string) => {
    throw new DomainRuleViolation(RelationshipRule.visitPlan, why, 'basis.itemId');
  };
  if (!item) return refuse(`plan ${basis.planId} has no item ${basis.itemId}`);
  if (!item.approved) return refuse(`plan ${basis.planId} is not approved yet; report the visit as unplanned or wait for the approval`);
  if (item.managerId !== command.meta.actor.id) return refuse(`plan ${basis.planId} belongs to ${item.managerId}`);
  if (item.customerId !== customerId) return refuse(`item ${basis.itemId} plans a visit to ${item.customerId}, not ${customerId}`);
  if (item.year !== yearOf(visitedOn)) return refuse(`the plan is for ${item.year}; the visit was on ${visitedOn}`);
  return item.month;
}

export function decideVisitReport(command: VisitReportCommand, state: WorkflowState<VisitReportContext>, services: VisitReportServices): VisitReportEvent[] {
  if (state.state === 'none' && command.type !== 'SubmitVisitReport') throw new TransitionNotAllowed('visit-report', state.state, command.type);
  const { actor, now } = command.meta;
  if (command.type === 'AcknowledgeVisitFindings') {
    const role = actingRole(actor, LEADER_ROLES, RelationshipRule.feedback, 'acknowledging visit findings');
    if (!state.context.hasFindings) throw new DomainRuleViolation(RelationshipRule.feedback, 'this report has no findings to acknowledge');
    return [{ type: 'VisitFindingsAcknowledged', data: { note: command.data.note ?? null, by: actor.id, role, at: now } }];
  }
  const role = actingRole(actor, VISITOR_ROLES, RelationshipRule.visitPlan, 'reporting a visit');
  const d = command.data;
  if (d.visitedOn > beijingDateOf(now)) throw new DomainRuleViolation(RelationshipRule.visitPlan, `visitedOn ${d.visitedOn} is after the day it is reported`, 'visitedOn');
  const gap = formGap(d.form, d.visitedOn, beijingDateOf(now));
  if (gap) throw new DomainRuleViolation(RelationshipRule.ratingScale, gap.why, gap.field);
  if (!d.findings && d.departments.length > 0) throw new DomainRuleViolation(RelationshipRule.feedback, 'departments are the ones findings are fed back to: write the findings', 'findings');
  const planMonth = planMonthOf(command, services);
  const findings = d.findings ?? null;
  const notify = findings ? { notify: [...new Set(['supervisor', ...d.departments])] } : {};
  return [
    {
      type: 'VisitReportSubmitted',
      data: {
        reportId: d.reportId, customerId: d.customerId, managerId: actor.id, visitedOn: d.visitedOn, basis: d.basis, form: d.form, planMonth,
        ratings: scoreRatings(d.ratings), content: d.content, suggestions: d.suggestions ?? null, findings, departments: d.departments, attachments: d.attachments,
        ...notify, by: actor.id, role, at: now,
      },
    },
  ];
}
