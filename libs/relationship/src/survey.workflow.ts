import type { WorkflowDefinition } from '@crm/workflow-kit';
import { surveyTasks } from './survey.tasks';
import { surveyCustomers } from './relationship.customer-scope';
import { surveyCommandSchemas, type SurveyCommand } from './survey.commands';
import type { SurveyContext } from './survey.context';
import { decideSurvey } from './survey.decider';
import { surveyEventSchemas, type SurveyEvent } from './survey.events';
import { surveyMachine } from './survey.machine';
import { SURVEY_STREAM_PREFIX } from './relationship.streams';
import { SURVEY_VOCABULARY } from './survey.vocabulary';

/** R-SURV-1: one stream per year, `satisfaction-survey-<year>`, so a second campaign cannot start. */
export const surveyWorkflow: WorkflowDefinition<SurveyCommand, SurveyEvent, SurveyContext> = {
  name: 'satisfaction-survey',
  version: '1',
  streamPrefix: SURVEY_STREAM_PREFIX,
  machine: surveyMachine,
  commandSchemas: surveyCommandSchemas,
  eventSchemas: surveyEventSchemas,
  vocabulary: SURVEY_VOCABULARY,
  creationCommands: ['OpenSurveyCampaign'],
  tasks: surveyTasks,
  decide: (command, state) => decideSurvey(command, state),
  customersOf: surveyCustomers,
};
