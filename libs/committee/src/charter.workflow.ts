import { type Command, DECIDING_ROLES, DomainRuleViolation, NotPermitted, type PersonRef, type WorkflowDefinition, type WorkflowState } from '@crm/workflow-kit';
import { assign, setup } from 'xstate';
import { z } from 'zod';
import { CommitteeCharter, CommitteeRule, EntityId, Instant } from './committee.shapes';
import { CHARTER_VOCABULARY } from './charter.vocabulary';

export const CHARTER_ID = 'company';

export const CommitteeCharterPublished = z.object({ charter: CommitteeCharter, previousVersion: z.string().nullable(), by: EntityId, at: Instant });
export type CommitteeCharterPublished = z.infer<typeof CommitteeCharterPublished>;
type CharterEvent = { type: 'CommitteeCharterPublished'; data: CommitteeCharterPublished };
type CharterCommand = Command<'PublishCommitteeCharter', CommitteeCharter>;

export interface CharterContext { current: CommitteeCharter | null; versions: string[] }

const charterMachine = setup({
  types: { context: {} as CharterContext, events: {} as CharterEvent },
  guards: { newVersion: ({ context, event }) => !context.versions.includes(event.data.charter.version) },
  actions: { evolve: assign(({ context, event }) => ({ current: event.data.charter, versions: [...context.versions, event.data.charter.version] })) },
}).createMachine({
  id: 'committee-charter',
  initial: 'kept',
  context: { current: null, versions: [] },
  states: { kept: { on: { CommitteeCharterPublished: { guard: 'newVersion', actions: 'evolve' } } } },
});

/**
 * 篇5: 价格与客户管理委员会 — its members, chair, quorum, rule and authority are data an administrator
 * keeps; a proposal copies the charter in force when it is submitted and is decided by that copy.
 */
function decideCharter(command: CharterCommand, state: WorkflowState<CharterContext>): CharterEvent[] {
  const actor = command.meta.actor;
  if (!actor.roles.includes('administrator')) throw new NotPermitted(CommitteeRule.price, 'administrators keep the committee charter');
  if (state.context.versions.includes(command.data.version)) throw new DomainRuleViolation(CommitteeRule.price, `charter version ${command.data.version} exists; choose a new one`, 'version');
  return [{ type: 'CommitteeCharterPublished', data: { charter: command.data, previousVersion: state.context.current?.version ?? null, by: actor.id, at: command.meta.now } }];
}

/** Members decide business (pricing): each is an active person in a deciding role, never an administrator or auditor. */
const members = (command: CharterCommand): PersonRef[] =>
  command.data.members.map((userId, i) => ({ userId, roles: DECIDING_ROLES, field: `members.${i}`, ruleId: CommitteeRule.price }));

export const charterWorkflow: WorkflowDefinition<CharterCommand, CharterEvent, CharterContext> = {
  name: 'committee-charter',
  version: '1',
  streamPrefix: 'committee-charter',
  machine: charterMachine,
  commandSchemas: { PublishCommitteeCharter: CommitteeCharter },
  eventSchemas: { CommitteeCharterPublished },
  vocabulary: CHARTER_VOCABULARY,
  creationCommands: [],
  openOrContinueCommands: ['PublishCommitteeCharter'],
  decide: (command, state) => decideCharter(command, state),
  peopleOf: members,
};
