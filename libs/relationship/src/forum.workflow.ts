import type { WorkflowDefinition } from '@crm/workflow-kit';
import { forumCommandSchemas, type ForumCommand } from './forum.commands';
import { decideForum } from './forum.decider';
import { forumEventSchemas, type ForumEvent } from './forum.events';
import { forumMachine } from './forum.machine';

/** One stream per forum, `customer-forum-<forumId>`. */
export const forumWorkflow: WorkflowDefinition<ForumCommand, ForumEvent, unknown> = {
  name: 'customer-forum',
  version: '1',
  streamPrefix: 'customer-forum',
  machine: forumMachine,
  commandSchemas: forumCommandSchemas,
  eventSchemas: forumEventSchemas,
  creationCommands: ['FileForumMinutes'],
  decide: (command, state) => decideForum(command, state),
};
