import { DomainRuleViolation, NotPermitted, stateName, TransitionNotAllowed, workflowSpec } from '@crm/workflow-kit';
import { aggregateSurvey, surveyWorkflow, type SurveyCommand } from '../src';
import { cmd, GM, later, MANAGER, NOW, run, SALES, SUPERVISOR } from './relationship.fixtures';

const { given } = workflowSpec(surveyWorkflow);
const open = cmd<SurveyCommand>('OpenSurveyCampaign', { year: 2026, title: '2026年度客户满意度调查' }, SALES);
const response = (id: string, customerId: string, channel: 'phone' | 'mail' | 'fax' | 'face_to_face', scores: [number, number, number], actor = MANAGER) =>
  cmd<SurveyCommand>('RecordSurveyResponse', { responseId: id, customerId, channel, respondedOn: '2026-03-01', scores: { productQuality: scores[0], serviceQuality: scores[1], companyImage: scores[2] } }, actor, later(1));
const collected = () => run(surveyWorkflow, [open, response('s-1', 'cust-1', 'phone', [90, 70, 80]), response('s-2', 'cust-2', 'fax', [80, 60, 85], SALES)]);
const reported = () => run(surveyWorkflow, [cmd<SurveyCommand>('IssueSurveyReport', { summary: '服务质量偏低' }, SALES, later(2))], undefined, collected());
const submitted = () => run(surveyWorkflow, [cmd<SurveyCommand>('SubmitImprovementPlan', { measures: ['缩短提货等待', '设客服专线'] }, SALES, later(3))], undefined, reported());

describe('R-SURV-1 yearly customer satisfaction survey', () => {
  it('R-SURV-1: the sales department opens the year\'s campaign', () => {
    given([]).when(open).then([{ type: 'SurveyCampaignOpened', data: { year: 2026, title: '2026年度客户满意度调查', by: 'sales', role: 'sales_reviewer', at: NOW } }]);
    given([]).when({ ...open, meta: { actor: MANAGER, now: NOW } }).thenThrows(NotPermitted, 'R-SURV-1');
  });

  it('R-SURV-1: a second campaign on the same year\'s stream is refused', () => {
    given(run(surveyWorkflow, [open])).when(open).thenThrows(TransitionNotAllowed);
  });

  it('R-SURV-1: responses record channel and scores; another year\'s date, a second answer of a customer and a reused id are refused', () => {
    given(run(surveyWorkflow, [open])).when(response('s-1', 'cust-1', 'face_to_face', [100, 90, 85])).thenMatches([
      { type: 'SurveyResponseRecorded', data: { channel: 'face_to_face', scores: { productQuality: 100, serviceQuality: 90, companyImage: 85 }, comments: null } },
    ]);
    const other = { ...response('s-9', 'cust-9', 'mail', [1, 2, 3]) };
    given(run(surveyWorkflow, [open])).when({ ...other, data: { ...other.data, respondedOn: '2025-12-31' } } as SurveyCommand).thenThrows(DomainRuleViolation, /R-SURV-1.*not 2025-12-31/);
    given(collected()).when(response('s-3', 'cust-1', 'mail', [1, 2, 3])).thenThrows(DomainRuleViolation, /cust-1 has already answered/);
    given(collected()).when(response('s-1', 'cust-3', 'mail', [1, 2, 3])).thenThrows(DomainRuleViolation, /s-1 is already recorded/);
  });

  it('R-SURV-1: the report stores figures computed from the responses', () => {
    given(collected()).when(cmd<SurveyCommand>('IssueSurveyReport', { summary: '服务质量偏低' }, SALES, later(2))).then([
      {
        type: 'SurveyReportIssued',
        data: {
          summary: '服务质量偏低', by: 'sales', role: 'sales_reviewer', at: later(2),
          aggregates: {
            responseCount: 2, byChannel: { phone: 1, mail: 0, fax: 1, face_to_face: 0 },
            averages: { productQuality: 85, serviceQuality: 65, companyImage: 82.5, overall: 77.5 }, lowestDimension: 'serviceQuality',
          },
        },
      },
    ]);
  });

  it('R-SURV-1: no report without responses', () => {
    given(run(surveyWorkflow, [open])).when(cmd<SurveyCommand>('IssueSurveyReport', { summary: 'x' }, SALES)).thenThrows(DomainRuleViolation, /at least one response/);
  });

  it('R-SURV-1: the improvement plan goes to the general manager, who approves it', () => {
    given(reported()).when(cmd<SurveyCommand>('SubmitImprovementPlan', { measures: ['缩短提货等待'] }, SALES, later(3))).thenMatches([
      { type: 'ImprovementPlanSubmitted', data: { planNo: 1, notify: ['general_manager'] } },
    ]);
    const decision = given(submitted()).when(cmd<SurveyCommand>('ApproveImprovementPlan', { comment: '同意' }, GM, later(4))).thenMatches([
      { type: 'ImprovementPlanApproved', data: { planNo: 1, comment: '同意', role: 'general_manager' } },
    ]);
    expect(stateName(decision.after.value)).toBe('planApproved');
  });

  it('R-SURV-1: only the leadership decides on the plan; a returned plan is submitted again as plan 2', () => {
    given(submitted()).when(cmd<SurveyCommand>('ApproveImprovementPlan', {}, SUPERVISOR, later(4))).thenThrows(NotPermitted, 'R-SURV-1');
    const returned = run(surveyWorkflow, [cmd<SurveyCommand>('ReturnImprovementPlan', { reason: '措施不具体' }, GM, later(4))], undefined, submitted());
    given(returned).when(cmd<SurveyCommand>('SubmitImprovementPlan', { measures: ['提货等待不超过2小时'] }, SALES, later(5))).thenMatches([{ type: 'ImprovementPlanSubmitted', data: { planNo: 2 } }]);
  });

  it('R-SURV-1: aggregates of no responses are empty, not zero', () => {
    expect(aggregateSurvey([])).toEqual({
      responseCount: 0, byChannel: { phone: 0, mail: 0, fax: 0, face_to_face: 0 },
      averages: { productQuality: null, serviceQuality: null, companyImage: null, overall: null }, lowestDimension: null,
    });
  });
});
