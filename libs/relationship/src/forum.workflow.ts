import { attachmentRefs, type WorkflowDefinition } from '@crm/workflow-kit';
import { forumCommandSchemas, type ForumCommand } from './forum.commands';
import { decideForum } from './forum.decider';
import { forumEventSchemas, type ForumEvent } from './forum.events';
import { forumMachine } from './forum.machine';
import { FORUM_STREAM_PREFIX } from './relationship.streams';
import { FORUM_VOCABULARY } from './forum.vocabulary';

/**
 * One stream per forum, `forum-<forumId>`. Not `customer-forum-`: every `customer-<id>` stream is a
 * customer's archive (access checks and the audit read it so), and a forum is no customer.
 */
export const forumWorkflow: WorkflowDefinition<ForumCommand, ForumEvent, unknown> = {
  name: 'customer-forum',
  version: '1',
  streamPrefix: FORUM_STREAM_PREFIX,
  machine: forumMachine,
  commandSchemas: forumCommandSchemas,
  eventSchemas: forumEventSchemas,
  vocabulary: FORUM_VOCABULARY,
  creationCommands: ['FileForumMinutes'],
  decide: (command, state) => decideForum(command, state),
  filesOf: (command) => attachmentRefs(command.data.attachments),
};
