import { attachmentRefs, type WorkflowDefinition } from '@crm/workflow-kit';
import { forumCommandSchemas, type ForumCommand } from './forum.commands';
import type { ForumContext } from './forum.context';
import { decideForum } from './forum.decider';
import { forumEventSchemas, forumEventSchemaVersions, type ForumEvent } from './forum.events';
import { forumMachine } from './forum.machine';
import { forumTasks } from './forum.tasks';
import { upcastForumEvent } from './forum.upcast';
import { FORUM_STREAM_PREFIX } from './relationship.streams';
import { FORUM_VOCABULARY } from './forum.vocabulary';

/**
 * One stream per forum, `forum-<forumId>`. Not `customer-forum-`: every `customer-<id>` stream is a
 * customer's archive (access checks and the audit read it so), and a forum is no customer.
 * Version 2 (ADR 0025): a forum starts with its preparation plan. Minutes may still be sent to a new
 * stream, so that the decider refuses them there with R-FORUM-1 (no approved plan), not "not found".
 */
export const forumWorkflow: WorkflowDefinition<ForumCommand, ForumEvent, ForumContext> = {
  name: 'customer-forum',
  version: '2',
  streamPrefix: FORUM_STREAM_PREFIX,
  machine: forumMachine,
  commandSchemas: forumCommandSchemas,
  eventSchemas: forumEventSchemas,
  vocabulary: FORUM_VOCABULARY,
  eventSchemaVersions: forumEventSchemaVersions,
  upcast: upcastForumEvent,
  creationCommands: ['SubmitForumPlan'],
  openOrContinueCommands: ['FileForumMinutes'],
  tasks: forumTasks,
  decide: (command, state) => decideForum(command, state),
  filesOf: (command) => (command.type === 'FileForumMinutes' ? attachmentRefs(command.data.attachments) : []),
};
