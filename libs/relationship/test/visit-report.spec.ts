import { DomainRuleViolation, initialSnapshot, NotPermitted, stateName, TransitionNotAllowed, workflowSpec } from '@crm/workflow-kit';
import { visitReportWorkflow, type VisitReportCommand } from '../src';
import { cmd, FINANCE, GM, later, MANAGER, MANAGER_2, NOW, planItem, run, SALES, SUPERVISOR, visitForm, withPlanItems } from './relationship.fixtures';

const services = withPlanItems(planItem(), planItem({ itemId: 'i-draft', approved: false, planId: 'manager.2026' }));
const { given } = workflowSpec(visitReportWorkflow, services);

const form = {
  reportId: 'r-1', customerId: 'cust-1', visitedOn: '2026-03-01', basis: { kind: 'plan' as const, planId: 'manager.2026', itemId: 'i-1' }, form: visitForm(),
  ratings: { quality: '良好' as const, service: '不好' as const, awareness: '知名度较高' as const },
  content: { needs: '希望增加HDPE供应' }, departments: [] as string[],
};
const submit = (data: Partial<typeof form> & { findings?: string; suggestions?: string } = {}, actor = MANAGER) =>
  cmd<VisitReportCommand>('SubmitVisitReport', { ...form, ...data } as VisitReportCommand['data'] & object as never, actor);
const withFindings = () => run(visitReportWorkflow, [submit({ findings: '提货等待时间过长', departments: ['logistics'] })], services);

describe('visit report (走访客户报告单): R-VISIT-1..3', () => {
  it('R-VISIT-1/R-VISIT-2: records the ratings with the scores of the form and the plan item it fulfils', () => {
    const decision = given([]).when(submit()).then([
      {
        type: 'VisitReportSubmitted',
        data: {
          reportId: 'r-1', customerId: 'cust-1', managerId: 'manager', visitedOn: '2026-03-01', basis: form.basis, form: visitForm(), planMonth: 3,
          ratings: { quality: { label: '良好', score: 85 }, service: { label: '不好', score: 30 }, awareness: { label: '知名度较高', score: 80 } },
          content: { needs: '希望增加HDPE供应' }, suggestions: null, findings: null, departments: [], attachments: [], by: 'manager', role: 'customer_manager', at: NOW,
        },
      },
    ]);
    expect(stateName(decision.after.value)).toBe('filed');
  });

  it('R-VISIT-1: an unplanned visit says why and names no plan month', () => {
    given([]).when(submit({ basis: { kind: 'unplanned', reason: '客户临时邀请' } as never })).thenMatches([{ type: 'VisitReportSubmitted', data: { planMonth: null, basis: { kind: 'unplanned' } } }]);
  });

  it('R-VISIT-1: a plan item that does not exist, is not approved, or plans another customer is refused at basis.itemId', () => {
    given([]).when(submit({ basis: { kind: 'plan', planId: 'manager.2026', itemId: 'nope' } })).thenThrows(DomainRuleViolation, /R-VISIT-1: plan manager.2026 has no item nope/);
    given([]).when(submit({ basis: { kind: 'plan', planId: 'manager.2026', itemId: 'i-draft' } })).thenThrows(DomainRuleViolation, /not approved/);
    given([]).when(submit({ customerId: 'cust-2' })).thenThrows(DomainRuleViolation, /plans a visit to cust-1/);
    given([]).when(submit({ visitedOn: '2025-12-30' })).thenThrows(DomainRuleViolation, /plan is for 2026/);
  });

  it('R-VISIT-1: another manager may not report against this manager\'s plan', () => {
    given([]).when(submit({}, MANAGER_2)).thenThrows(DomainRuleViolation, /belongs to manager/);
  });

  it('R-VISIT-1: a visit cannot be dated after the day it is reported', () => {
    given([]).when(submit({ visitedOn: '2026-03-03' })).thenThrows(DomainRuleViolation, /visitedOn/);
  });

  it('R-VISIT-1: customer managers report visits; finance does not', () => {
    given([]).when(submit({}, FINANCE)).thenThrows(NotPermitted, 'R-VISIT-1');
  });

  it('R-VISIT-3: findings notify the responsible leader and the named departments, and wait for acknowledgement', () => {
    const decision = given([]).when(submit({ findings: '提货等待时间过长', departments: ['logistics', 'quality'] })).thenMatches([
      { type: 'VisitReportSubmitted', data: { findings: '提货等待时间过长', notify: ['supervisor', 'logistics', 'quality'] } },
    ]);
    expect(stateName(decision.after.value)).toBe('awaitingAcknowledgement');
  });

  it('R-VISIT-3: departments without findings are refused (there is nothing to feed back)', () => {
    given([]).when(submit({ departments: ['logistics'] })).thenThrows(DomainRuleViolation, /R-VISIT-3/);
  });

  it('R-VISIT-3: the leader acknowledges the findings', () => {
    given(withFindings()).when(cmd<VisitReportCommand>('AcknowledgeVisitFindings', { note: '已安排物流部整改' }, SUPERVISOR, later(1))).then([
      { type: 'VisitFindingsAcknowledged', data: { note: '已安排物流部整改', by: 'supervisor', role: 'supervisor', at: later(1) } },
    ]);
    given(withFindings()).when(cmd<VisitReportCommand>('AcknowledgeVisitFindings', {}, GM, later(1))).thenMatches([{ type: 'VisitFindingsAcknowledged', data: { role: 'general_manager' } }]);
  });

  it('R-VISIT-3: the sales department is not the leader who acknowledges', () => {
    given(withFindings()).when(cmd<VisitReportCommand>('AcknowledgeVisitFindings', {}, SALES, later(1))).thenThrows(NotPermitted, 'R-VISIT-3');
  });

  it('R-VISIT-3: a report without findings has nothing to acknowledge; an acknowledged one is not acknowledged again', () => {
    const plain = run(visitReportWorkflow, [submit()], services);
    given(plain).when(cmd<VisitReportCommand>('AcknowledgeVisitFindings', {}, SUPERVISOR, later(1))).thenThrows(DomainRuleViolation, /no findings/);
    const acknowledged = run(visitReportWorkflow, [cmd<VisitReportCommand>('AcknowledgeVisitFindings', {}, SUPERVISOR, later(1))], services, withFindings());
    given(acknowledged).when(cmd<VisitReportCommand>('AcknowledgeVisitFindings', {}, GM, later(2))).thenThrows(TransitionNotAllowed);
  });

  it('R-VISIT-2: the machine refuses a stored report whose score is not its label\'s', () => {
    const [event] = run(visitReportWorkflow, [submit()], services);
    const forged = { ...event, data: { ...event.data, ratings: { ...event.data.ratings, service: { label: '不好', score: 80 } } } };
    const start = initialSnapshot(visitReportWorkflow);
    expect(start.can(forged)).toBe(false);
    expect(start.can(event)).toBe(true);
  });

  it('R-VISIT-2: the quality column maps its six labels to 100 … 60 as the form prints them; its 50 分 step has no label', () => {
    const scored = (quality: string) => {
      const events = run(visitReportWorkflow, [submit({ ratings: { ...form.ratings, quality } as never })], services);
      return (events[0].data as { ratings: { quality: { score: number } } }).ratings.quality.score;
    };
    expect(['非常优良', '优良', '良好', '一般', '合格', '不合格'].map(scored)).toEqual([100, 90, 85, 80, 70, 60]);
  });

  it('R-VISIT-2: the report carries the form\'s header (name, address, legal representative, contacts) and the customer\'s seal or signature', () => {
    const refusedAt = (f: object, field: string) => {
      try {
        given([]).when(submit({ form: f as never })).then([]);
      } catch (e) {
        expect(e).toBeInstanceOf(DomainRuleViolation);
        expect(e).toMatchObject({ ruleId: 'R-VISIT-2', field });
        return;
      }
      throw new Error('accepted');
    };
    const f = visitForm();
    refusedAt({ ...f, signature: { sealed: false, signedOn: '2026-03-01' } }, 'form.signature');
    refusedAt({ ...f, signature: { ...f.signature, signedOn: '2026-02-28' } }, 'form.signature.signedOn');
    refusedAt({ ...f, signature: { ...f.signature, signedOn: '2026-03-03' } }, 'form.signature.signedOn');
    refusedAt({ ...f, contacts: [{ role: 'principal', name: '张三' }] }, 'form.contacts.0.phone');
    given([]).when(submit({ form: { ...f, signature: { sealed: false, signedBy: '张三', signedOn: '2026-03-02' } } })).thenMatches([
      { type: 'VisitReportSubmitted', data: { form: { customerName: '宁波塑料厂', signature: { sealed: false, signedBy: '张三' } } } },
    ]);
  });

  it('R-VISIT-2 upcast (ADR 0005, ADR 0025): a report of schema v1 has no form header and replays as before', () => {
    const upcast = visitReportWorkflow.upcast;
    if (!upcast) throw new Error('the visit report workflow upcasts its v1 events');
    const [submitted] = run(visitReportWorkflow, [submit({ findings: '包装破损' })], services);
    const { form: _, ...v1Data } = submitted.data as Record<string, unknown>;
    const v1 = upcast({ type: 'VisitReportSubmitted', data: v1Data, schemaVersion: 1 });
    expect(v1.data).toMatchObject({ form: null });
    given([v1]).when(cmd<VisitReportCommand>('AcknowledgeVisitFindings', {}, SUPERVISOR, later(1))).thenMatches([{ type: 'VisitFindingsAcknowledged' }]);
  });
});
