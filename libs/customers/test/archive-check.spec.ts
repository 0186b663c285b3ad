import { commandOf, DomainRuleViolation, NotPermitted, workflowSpec, type Actor } from '@crm/workflow-kit';
import { archiveCheckWorkflow, type ArchiveCheckCommand } from '../src';
import { SALES } from './customer.fixtures';

const { given } = workflowSpec(archiveCheckWorkflow);
const PARENT: Actor = { id: 'parent-zheng', roles: ['parent_chemicals_sales'] };
const PARENT2: Actor = { id: 'parent-he', roles: ['parent_chemicals_sales'] };
const T0 = '2026-12-01T02:00:00.000Z';
const cmd = (type: ArchiveCheckCommand['type'], data: object, actor: Actor) => commandOf<ArchiveCheckCommand>(type, data as never, actor, T0);
const findings = [{ findingId: 'f-1', customerId: 'c-1', description: '开票资料未随变更更新' }, { findingId: 'f-2', customerId: null, description: '档案未按月归档' }];
const recordData = { checkId: 'chk-1', period: '2026-Q4', scope: '化工品客户档案及客户管理', customerIds: ['c-1'], findings };
const record = cmd('RecordArchiveCheck', recordData, PARENT);
const recorded = () => given([]).when(record).thenMatches([{ type: 'ArchiveCheckRecorded' }]).events;
const responses = [{ findingId: 'f-1', response: '已更新开票资料' }, { findingId: 'f-2', response: '已补齐归档' }];

describe('periodic checks by the parent (R-ARC-3 定期对客户档案、客户管理进行检查)', () => {
  it('R-ARC-3: the parent\'s checker records a check for a period: scope, findings, and the sales department is told', () => {
    given([]).when(record).then([{ type: 'ArchiveCheckRecorded', data: { ...recordData, checkerId: 'parent-zheng', recordedAt: T0, notify: ['sales'] } }]);
  });

  it('R-ARC-3: only the parent\'s department checks; periods are a year, half, quarter or month', () => {
    given([]).when(cmd('RecordArchiveCheck', recordData, SALES)).thenThrows(NotPermitted, 'R-ARC-3');
    expect(archiveCheckWorkflow.commandSchemas.RecordArchiveCheck.safeParse({ ...recordData, period: '2026-Q5' }).success).toBe(false);
    for (const period of ['2026', '2026-H2', '2026-Q4', '2026-11']) expect(archiveCheckWorkflow.commandSchemas.RecordArchiveCheck.safeParse({ ...recordData, period }).success).toBe(true);
    given([]).when(cmd('RecordArchiveCheck', { ...recordData, findings: [findings[0], findings[0]] }, PARENT)).thenThrows(DomainRuleViolation, 'unique');
  });

  it('R-ARC-3: a check that found nothing is closed as it is recorded', () => {
    given([]).when(cmd('RecordArchiveCheck', { ...recordData, findings: [] }, PARENT)).thenMatches([
      { type: 'ArchiveCheckRecorded' }, { type: 'ArchiveCheckClosed', data: { closedBy: 'parent-zheng', conclusion: '未发现问题 (no findings)' } },
    ]);
  });

  it('R-ARC-3: the sales department answers every finding; the checker is told', () => {
    given(recorded()).when(cmd('RespondToArchiveCheck', { responses: responses.slice(0, 1) }, SALES)).thenThrows(DomainRuleViolation, 'missing: f-2');
    given(recorded()).when(cmd('RespondToArchiveCheck', { responses: [...responses, { findingId: 'f-9', response: 'x' }] }, SALES)).thenThrows(DomainRuleViolation, 'f-9');
    given(recorded()).when(cmd('RespondToArchiveCheck', { responses }, PARENT)).thenThrows(NotPermitted, 'R-ARC-3');
    given(recorded()).when(cmd('RespondToArchiveCheck', { responses }, SALES)).thenMatches([
      { type: 'ArchiveCheckResponded', data: { checkId: 'chk-1', period: '2026-Q4', responses, respondedBy: 'sales-wang', notifyUsers: ['parent-zheng'] } },
    ]);
  });

  it('R-ARC-3: the checker closes the check after the response, nobody else and not before', () => {
    const close = (actor: Actor) => cmd('CloseArchiveCheck', { conclusion: '整改到位' }, actor);
    given(recorded()).when(close(PARENT)).thenThrows(DomainRuleViolation, 'once the sales department has responded');
    const responded = [...recorded(), ...given(recorded()).when(cmd('RespondToArchiveCheck', { responses }, SALES)).thenMatches([{ type: 'ArchiveCheckResponded' }]).events];
    given(responded).when(close(PARENT2)).thenThrows(NotPermitted, 'parent-zheng');
    given(responded).when(close(PARENT)).thenMatches([{ type: 'ArchiveCheckClosed', data: { conclusion: '整改到位', closedBy: 'parent-zheng', period: '2026-Q4' } }]);
  });
});
