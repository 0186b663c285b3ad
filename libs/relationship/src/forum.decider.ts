import { DomainRuleViolation, NotPermitted, TransitionNotAllowed, type WorkflowState } from '@crm/workflow-kit';
import { actingRole, LEADER_ROLES, MINUTE_KEEPER_ROLES, ORGANISER_ROLES, RelationshipRule } from './relationship.rules';
import { beijingDateOf, yearOf } from './relationship.shapes';
import type { ForumCommand } from './forum.commands';
import type { ForumContext } from './forum.context';
import type { ForumEvent } from './forum.events';

const rule = RelationshipRule.forum;
type Plan = Extract<ForumCommand, { type: 'SubmitForumPlan' | 'ReviseForumPlan' }>;
type Minutes = Extract<ForumCommand, { type: 'FileForumMinutes' }>;

/** 编制客户座谈会筹备计划: a plan for a forum still to come, to the responsible leader. */
function submitPlan(command: Plan, context: ForumContext, forumId: string): ForumEvent {
  const { actor, now } = command.meta;
  const role = actingRole(actor, ORGANISER_ROLES, rule, 'writing a forum preparation plan');
  const d = command.data;
  if (d.plannedOn < beijingDateOf(now)) throw new DomainRuleViolation(rule, `plannedOn ${d.plannedOn} has passed: a preparation plan is approved before the forum is held`, 'plannedOn');
  return {
    type: 'ForumPlanSubmitted',
    data: {
      forumId, planNo: context.planNo + 1, title: d.title, plannedOn: d.plannedOn, year: yearOf(d.plannedOn), venue: d.venue ?? null,
      invitees: d.invitees, agenda: d.agenda, budgetYuan: d.budgetYuan, notify: [...LEADER_ROLES], by: actor.id, role, at: now,
    },
  };
}

/** R-FORUM-1: minutes of a forum held under its approved plan; follow-ups go to their departments. */
function fileMinutes(command: Minutes, state: WorkflowState<ForumContext>): ForumEvent {
  const { actor, now } = command.meta;
  const context = state.context;
  if (state.state !== 'planApproved') {
    throw new DomainRuleViolation(rule, `forum ${command.data.forumId} has no approved preparation plan: the plan is approved before the forum is held`, 'forumId');
  }
  const role = actingRole(actor, MINUTE_KEEPER_ROLES, rule, 'filing forum minutes');
  const d = command.data;
  if (d.heldOn > beijingDateOf(now)) throw new DomainRuleViolation(rule, `heldOn ${d.heldOn} is after the day the minutes are filed`, 'heldOn');
  if (context.approvedOn !== null && d.heldOn < context.approvedOn) throw new DomainRuleViolation(rule, `heldOn ${d.heldOn} is before the plan was approved (${context.approvedOn})`, 'heldOn');
  const departments = [...new Set(d.followUps.map((f) => f.department))];
  return {
    type: 'ForumMinutesFiled',
    data: {
      forumId: context.forumId ?? d.forumId, heldOn: d.heldOn, year: yearOf(d.heldOn), title: d.title ?? context.title ?? '', attendees: d.attendees, topics: d.topics,
      minutes: d.minutes, attachments: d.attachments, planNo: context.planNo, followUps: d.followUps, ...(departments.length > 0 ? { notify: departments } : {}),
      by: actor.id, role, at: now,
    },
  };
}

/** The responsible leader decides on the plan; FORUM-SELF: not the one who submitted it. */
function leader(command: ForumCommand, context: ForumContext, what: string) {
  const { actor, now } = command.meta;
  const role = actingRole(actor, LEADER_ROLES, rule, what);
  if (actor.id === context.submittedBy) throw new NotPermitted(RelationshipRule.forumSelfApproval, 'the one who submitted a forum preparation plan does not decide on it');
  return { planNo: context.planNo, by: actor.id, role, at: now };
}

export function decideForum(command: ForumCommand, state: WorkflowState<ForumContext>): ForumEvent[] {
  const context = state.context;
  const refuse = () => {
    throw new TransitionNotAllowed('customer-forum', state.state, command.type);
  };
  switch (command.type) {
    case 'SubmitForumPlan':
      return state.state === 'none' ? [submitPlan(command, context, command.data.forumId)] : refuse();
    case 'ReviseForumPlan':
      return state.state === 'planReturned' ? [submitPlan(command, context, context.forumId ?? '')] : refuse();
    case 'ApproveForumPlan':
      if (state.state !== 'planSubmitted') return refuse();
      return [{ type: 'ForumPlanApproved', data: { comment: command.data.comment ?? null, ...leader(command, context, 'approving a forum preparation plan') } }];
    case 'ReturnForumPlan':
      if (state.state !== 'planSubmitted') return refuse();
      return [{ type: 'ForumPlanReturned', data: { reason: command.data.reason, ...leader(command, context, 'returning a forum preparation plan') } }];
    case 'FileForumMinutes':
      return state.state === 'filed' ? refuse() : [fileMinutes(command, state)];
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}
