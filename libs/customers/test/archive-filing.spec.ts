import { commandOf, DomainRuleViolation, NotPermitted, workflowSpec, type Actor } from '@crm/workflow-kit';
import { archiveFilingWorkflow, type ArchiveFilingCommand, type FileArchiveRecord } from '../src';
import { MANAGER, SALES, SYSTEM } from './customer.fixtures';

const { given } = workflowSpec(archiveFilingWorkflow);
const PARENT: Actor = { id: 'parent-zheng', roles: ['parent_chemicals_sales'] };
const T0 = '2026-11-02T02:00:00.000Z';
const T1 = '2026-11-03T02:00:00.000Z';

const record = (filingId: string, over: Partial<FileArchiveRecord> = {}): FileArchiveRecord => ({
  filingId, customerId: 'c-1', kind: 'archive_opened', sourceEventId: filingId, sourceEventType: 'CustomerArchiveOpened', fields: [], occurredAt: T0, ...over,
});
const file = (filingId: string, over: Partial<FileArchiveRecord> = {}) => commandOf<ArchiveFilingCommand>('FileArchiveRecord', record(filingId, over), SYSTEM, T0);
const acknowledge = (filingId: string, actor: Actor = PARENT, comment?: string) =>
  commandOf<ArchiveFilingCommand>('AcknowledgeArchiveFiling', { filingId, ...(comment ? { comment } : {}) }, actor, T1);
const filed = (...ids: string[]) => ids.map((id) => ({ type: 'ArchiveFilingOpened', data: { ...record(id), filedAt: T0, notify: ['parent_chemicals_sales'] } }));

describe('archive filings with the parent (R-ARC-3 所有客户资料报产品经销公司化工品销售部备案)', () => {
  it('R-ARC-3: an archive opening is filed and told to the parent\'s chemicals sales department', () => {
    given([]).when(file('ev-1')).then(filed('ev-1') as never);
  });

  it('R-ARC-3: a change is filed with the fields it touched; the same archive event is never filed twice', () => {
    const change = file('ev-2', { kind: 'information_changed', sourceEventType: 'CustomerInformationChanged', fields: ['invoicing'] });
    given(filed('ev-1')).when(change).thenMatches([{ type: 'ArchiveFilingOpened', data: { filingId: 'ev-2', kind: 'information_changed', fields: ['invoicing'] } }]);
    given(filed('ev-1')).when(file('ev-1')).then([]);
  });

  it('R-ARC-3: only the system files; a person cannot write a filing', () => {
    given([]).when(commandOf<ArchiveFilingCommand>('FileArchiveRecord', record('ev-1'), SALES, T0)).thenThrows(NotPermitted, 'R-ARC-3');
  });

  it('R-ARC-3: the department acknowledges a pending filing, recording who and when', () => {
    given(filed('ev-1', 'ev-2')).when(acknowledge('ev-1', PARENT, '已备案')).then([
      { type: 'ArchiveFilingAcknowledged', data: { filingId: 'ev-1', customerId: 'c-1', comment: '已备案', acknowledgedBy: 'parent-zheng', acknowledgedAt: T1 } },
    ]);
  });

  it('R-ARC-3: nobody else acknowledges; an unknown or already acknowledged filing is refused naming the field', () => {
    given(filed('ev-1')).when(acknowledge('ev-1', SALES)).thenThrows(NotPermitted, 'R-ARC-3');
    given(filed('ev-1')).when(acknowledge('ev-1', MANAGER)).thenThrows(NotPermitted, 'R-ARC-3');
    given(filed('ev-1')).when(acknowledge('ev-9')).thenThrows(DomainRuleViolation, 'no filing ev-9');
    const acked = given(filed('ev-1')).when(acknowledge('ev-1')).thenMatches([{ type: 'ArchiveFilingAcknowledged' }]).events;
    given([...filed('ev-1'), ...acked]).when(acknowledge('ev-1')).thenThrows(DomainRuleViolation, 'already acknowledged by parent-zheng');
  });

  it('R-ARC-3: one acknowledgement task per pending filing, held by the parent\'s department', () => {
    const [task] = archiveFilingWorkflow.tasks ?? [];
    const state = { state: 'open', value: 'open', done: false, revision: 1, context: { customerId: 'c-1', filings: { 'ev-1': { kind: 'archive_opened', filedAt: T0, status: 'pending', acknowledgedBy: null }, 'ev-2': { kind: 'archive_opened', filedAt: T0, status: 'acknowledged', acknowledgedBy: 'p' } } } } as never;
    expect(task.keysOf?.(state)).toEqual(['ev-1']);
    expect(task.holders(state, 'ev-1').roles).toEqual(['parent_chemicals_sales']);
  });
});
