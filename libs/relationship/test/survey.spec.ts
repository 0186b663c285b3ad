import { DomainRuleViolation, NotPermitted, replayEvents, stateName, TransitionNotAllowed, workflowSpec, type AnyDomainEvent } from '@crm/workflow-kit';
import { aggregateSurvey, DEFAULT_QUESTIONNAIRE, surveyWorkflow, type Questionnaire, type SurveyCommand } from '../src';
import { cmd, GM, later, MANAGER, NOW, run, SALES, SUPERVISOR } from './relationship.fixtures';

const { given } = workflowSpec(surveyWorkflow);
const open = cmd<SurveyCommand>('OpenSurveyCampaign', { year: 2026, title: '2026年度客户满意度调查', questionnaire: DEFAULT_QUESTIONNAIRE }, SALES);
type Channel = 'phone' | 'mail' | 'fax' | 'face_to_face';
const response = (id: string, customerId: string, channel: Channel, scores: [number, number, number], actor = MANAGER) =>
  cmd<SurveyCommand>('RecordSurveyResponse', { responseId: id, customerId, channel, respondedOn: '2026-03-01', answers: { productQuality: scores[0], serviceQuality: scores[1], companyImage: scores[2] } }, actor, later(1));
const collected = () => run(surveyWorkflow, [open, response('s-1', 'cust-1', 'phone', [90, 70, 80]), response('s-2', 'cust-2', 'fax', [80, 60, 85], SALES)]);
const issued = () => run(surveyWorkflow, [cmd<SurveyCommand>('IssueSurveyReport', { summary: '服务质量偏低' }, SALES, later(2))], undefined, collected());
const reviewed = () => run(surveyWorkflow, [cmd<SurveyCommand>('ReviewSurveyReport', { comment: '重点改进服务' }, GM, later(2))], undefined, issued());
const submitted = () => run(surveyWorkflow, [cmd<SurveyCommand>('SubmitImprovementPlan', { measures: ['缩短提货等待', '设客服专线'] }, SALES, later(3))], undefined, reviewed());
const answered = (score: number, label: string | null = null) => ({ score, label });

/** A questionnaire of the campaign's own: a labelled scale beside a score. */
const OWN: Questionnaire = [
  { questionId: 'delivery', text: '提货是否方便', scale: { kind: 'labels', options: [{ label: '很方便', score: 100 }, { label: '一般', score: 60 }, { label: '不方便', score: 20 }] } },
  { questionId: 'price', text: '价格满意度（1–10 分）', scale: { kind: 'score', min: 1, max: 10 } },
];
const openOwn = cmd<SurveyCommand>('OpenSurveyCampaign', { year: 2026, title: '提货专项调查', questionnaire: OWN }, SALES);
const answer = (answers: Record<string, number | string>, id = 's-1', customerId = 'cust-1') =>
  cmd<SurveyCommand>('RecordSurveyResponse', { responseId: id, customerId, channel: 'mail', respondedOn: '2026-03-01', answers }, MANAGER, later(1));

describe('R-SURV-1 yearly customer satisfaction survey', () => {
  it('R-SURV-1: the sales department opens the year\'s campaign with its questionnaire', () => {
    given([]).when(open).then([{ type: 'SurveyCampaignOpened', data: { year: 2026, title: '2026年度客户满意度调查', questionnaire: DEFAULT_QUESTIONNAIRE, by: 'sales', role: 'sales_reviewer', at: NOW } }]);
    given([]).when(openOwn).thenMatches([{ type: 'SurveyCampaignOpened', data: { questionnaire: OWN } }]);
    given([]).when({ ...open, meta: { actor: MANAGER, now: NOW } }).thenThrows(NotPermitted, 'R-SURV-1');
  });

  it('R-SURV-1: a second campaign on the same year\'s stream is refused', () => {
    given(run(surveyWorkflow, [open])).when(open).thenThrows(TransitionNotAllowed);
  });

  it('R-SURV-1: responses record channel and answers; another year\'s date, a second answer of a customer and a reused id are refused', () => {
    given(run(surveyWorkflow, [open])).when(response('s-1', 'cust-1', 'face_to_face', [100, 90, 85])).thenMatches([
      { type: 'SurveyResponseRecorded', data: { channel: 'face_to_face', answers: { productQuality: answered(100), serviceQuality: answered(90), companyImage: answered(85) }, comments: null } },
    ]);
    const other = { ...response('s-9', 'cust-9', 'mail', [1, 2, 3]) };
    given(run(surveyWorkflow, [open])).when({ ...other, data: { ...other.data, respondedOn: '2025-12-31' } } as SurveyCommand).thenThrows(DomainRuleViolation, /R-SURV-1.*not 2025-12-31/);
    given(collected()).when(response('s-3', 'cust-1', 'mail', [1, 2, 3])).thenThrows(DomainRuleViolation, /cust-1 has already answered/);
    given(collected()).when(response('s-1', 'cust-3', 'mail', [1, 2, 3])).thenThrows(DomainRuleViolation, /s-1 is already recorded/);
  });

  it('R-SURV-1: answers follow the questionnaire — a label gets its option\'s score; an unknown question or an answer off its scale is refused naming answers.<question>', () => {
    given(run(surveyWorkflow, [openOwn])).when(answer({ delivery: '一般', price: 7 })).thenMatches([
      { type: 'SurveyResponseRecorded', data: { answers: { delivery: answered(60, '一般'), price: answered(7) } } },
    ]);
    const refused = (answers: Record<string, number | string>, field: string) => {
      try {
        given(run(surveyWorkflow, [openOwn])).when(answer(answers)).then([]);
      } catch (e) {
        expect(e).toBeInstanceOf(DomainRuleViolation);
        expect(e).toMatchObject({ ruleId: 'R-SURV-1', field });
        return;
      }
      throw new Error(`${JSON.stringify(answers)} was accepted`);
    };
    refused({ productQuality: 90 }, 'answers.productQuality');
    refused({ delivery: '很不方便' }, 'answers.delivery');
    refused({ price: 11 }, 'answers.price');
    refused({ delivery: 100 }, 'answers.delivery');
  });

  it('R-SURV-1: the report stores figures per question computed from the responses, and goes to the leadership', () => {
    const decision = given(collected()).when(cmd<SurveyCommand>('IssueSurveyReport', { summary: '服务质量偏低' }, SALES, later(2))).then([
      {
        type: 'SurveyReportIssued',
        data: {
          summary: '服务质量偏低', notify: ['general_manager'], by: 'sales', role: 'sales_reviewer', at: later(2),
          aggregates: {
            responseCount: 2, byChannel: { phone: 1, mail: 0, fax: 1, face_to_face: 0 },
            averages: { productQuality: 85, serviceQuality: 65, companyImage: 82.5, overall: 77.5 }, lowestDimension: 'serviceQuality',
          },
        },
      },
    ]);
    expect(stateName(decision.after.value)).toBe('reportInReview');
  });

  it('R-SURV-1: figures of a questionnaire of the campaign\'s own are per its questions', () => {
    const events = run(surveyWorkflow, [openOwn, answer({ delivery: '不方便', price: 8 }), answer({ delivery: '很方便' }, 's-2', 'cust-2')]);
    given(events).when(cmd<SurveyCommand>('IssueSurveyReport', { summary: '提货不便' }, SALES, later(2))).thenMatches([
      { type: 'SurveyReportIssued', data: { aggregates: { responseCount: 2, averages: { delivery: 60, price: 8, overall: 42.67 }, lowestDimension: 'price' } } },
    ]);
  });

  it('R-SURV-1: no report without responses', () => {
    given(run(surveyWorkflow, [open])).when(cmd<SurveyCommand>('IssueSurveyReport', { summary: 'x' }, SALES)).thenThrows(DomainRuleViolation, /at least one response/);
  });

  it('R-SURV-1: the company\'s leadership reviews the report (提交公司领导审阅) before the improvement plan is drawn up', () => {
    given(issued()).when(cmd<SurveyCommand>('SubmitImprovementPlan', { measures: ['m'] }, SALES, later(3))).thenThrows(TransitionNotAllowed);
    given(issued()).when(cmd<SurveyCommand>('ReviewSurveyReport', {}, SUPERVISOR, later(2))).thenThrows(NotPermitted, 'R-SURV-1');
    const decision = given(issued()).when(cmd<SurveyCommand>('ReviewSurveyReport', { comment: '重点改进服务' }, GM, later(2))).then([
      { type: 'SurveyReportReviewed', data: { comment: '重点改进服务', by: 'gm', role: 'general_manager', at: later(2) } },
    ]);
    expect(stateName(decision.after.value)).toBe('reported');
  });

  it('R-SURV-1: the improvement plan goes to the general manager, who approves it', () => {
    given(reviewed()).when(cmd<SurveyCommand>('SubmitImprovementPlan', { measures: ['缩短提货等待'] }, SALES, later(3))).thenMatches([
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

  it('R-SURV-1 upcast (ADR 0005, ADR 0025): a v1 survey — three fixed scores, a report issued before reviews — replays to reported with the default questionnaire', () => {
    const upcast = surveyWorkflow.upcast;
    if (!upcast) throw new Error('the survey workflow upcasts its v1 events');
    const acted = { by: 'sales', role: 'sales_reviewer', at: NOW };
    const v1 = (type: string, data: object): AnyDomainEvent => upcast({ type, data, schemaVersion: 1 });
    const stored = [
      v1('SurveyCampaignOpened', { year: 2025, title: '2025年度调查', ...acted }),
      v1('SurveyResponseRecorded', { responseId: 's-1', customerId: 'cust-1', channel: 'phone', respondedOn: '2025-05-01', scores: { productQuality: 90, serviceQuality: 70, companyImage: 80 }, comments: null, ...acted }),
      v1('SurveyReportIssued', {
        summary: '总体满意', ...acted,
        aggregates: { responseCount: 1, byChannel: { phone: 1, mail: 0, fax: 0, face_to_face: 0 }, averages: { productQuality: 90, serviceQuality: 70, companyImage: 80, overall: 80 }, lowestDimension: 'serviceQuality' },
      }),
    ];
    expect(stored[1].data).toMatchObject({ answers: { productQuality: answered(90), serviceQuality: answered(70), companyImage: answered(80) } });
    const snapshot = replayEvents(surveyWorkflow, stored);
    expect(stateName(snapshot.value)).toBe('reported');
    expect(snapshot.context.questionnaire).toEqual(DEFAULT_QUESTIONNAIRE);
    given(stored).when(cmd<SurveyCommand>('SubmitImprovementPlan', { measures: ['m'] }, SALES, later(1))).thenMatches([{ type: 'ImprovementPlanSubmitted', data: { planNo: 1 } }]);
  });

  it('R-SURV-1: aggregates of no responses are empty, not zero', () => {
    expect(aggregateSurvey(DEFAULT_QUESTIONNAIRE, [])).toEqual({
      responseCount: 0, byChannel: { phone: 0, mail: 0, fax: 0, face_to_face: 0 },
      averages: { productQuality: null, serviceQuality: null, companyImage: null, overall: null }, lowestDimension: null,
    });
  });
});
