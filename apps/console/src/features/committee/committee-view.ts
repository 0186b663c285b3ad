import type { CommitteeCharter, Vote } from '@crm/committee';
import type { Catalogue } from '../contracts/contract-view';
import { RECORD_WORDING } from '../customers/records/field-issues';
import type { Wording } from '../record-kit/field-check';

export interface ProposalRow {
  proposal_id: string; status: string; kind: string | null; product_line_id: string; warehouse_id: string; price_fen: number; previous_price_fen: number | null;
  change_percent: number | null; effective_from: string; proposed_by: string; submitted_at: string; votes: number; policy_version: string | null;
}
export interface ViolationRow { case_id: string; status: string; kind: string; customer_id: string | null; opened_by: string; opened_at: string; finding: string | null; sanction: string | null }

/** GET /committee/proposals/:id as far as the page reads it. */
export interface ProposalView {
  id: string; state: string; proposedBy: string | null; decidedBy: 'committee' | 'group' | null; closed: boolean; charter: CommitteeCharter | null;
  change: { productLineId: string; warehouseId: string; priceFen: number; effectiveFrom: string; previousPriceFen: number | null; changePercent: number | null } | null;
  policy: { kind: string; version: string } | null;
  votes: Array<{ member: string; vote: Vote; opinion: string | null; at: string }>;
  history: Array<{ type: string; by: unknown; at: string; position: number }>;
}
interface Opened { kind: string; customerId: string | null; description: string; evidence: string[]; chairId: string; by: string; at: string }
interface Decided { finding: 'upheld' | 'dismissed'; decision: string; sanction: { kind: string; detail: string } | null; by: string; at: string }
/** GET /committee/violations/:id */
export interface ViolationView { id: string; state: string; events: Array<{ type: 'ViolationCaseOpened'; data: Opened } | { type: 'ViolationCaseDecided'; data: Decided }> }

export const warehouseName = (c: Catalogue | null, id: string): string => c?.warehouses.find((w) => w.warehouseId === id)?.nameZh ?? '—';

export const percent = (p: number | null): string => (p === null ? '—' : `${p > 0 ? '+' : ''}${p.toFixed(2)}%`);

/** An actor in an event's metadata: its id, whichever shape the engine stored. */
export const actorId = (by: unknown): string | null => (typeof by === 'string' ? by : by && typeof by === 'object' && 'id' in by ? String((by as { id: unknown }).id) : null);

/** The charter's and the decision's own refinements in words (the schema's messages are English); the rest as the record forms say it. */
const REFINEMENTS: ReadonlyArray<readonly [RegExp, { zh: string; en: string }]> = [
  [/members repeat/, { zh: '委员不能重复', en: 'A member is listed twice' }],
  [/the chair is a member/, { zh: '主任委员须是委员之一', en: 'The chair must be one of the members' }],
  [/quorum cannot exceed/, { zh: '法定人数不能超过委员人数', en: 'The quorum cannot exceed the number of members' }],
  [/an upheld case names its sanction/, { zh: '成立的案件须写明处理措施（R-PRICE-2）', en: 'An upheld case names its sanction (R-PRICE-2)' }],
];
export const COMMITTEE_WORDING: Wording = (lang) => {
  const record = RECORD_WORDING(lang);
  return (issue) => {
    const found = REFINEMENTS.find(([pattern]) => pattern.test(issue.message));
    if (found) return found[1][lang === 'en' ? 'en' : 'zh'];
    if (issue.code === 'too_small' && issue.origin === 'array') return lang === 'en' ? `Choose at least ${Number(issue.minimum)}` : `至少选择 ${Number(issue.minimum)} 位`;
    if (issue.code === 'not_multiple_of') return lang === 'en' ? 'At most two decimals (to the fen)' : '最多两位小数（精确到分）';
    return record(issue);
  };
};

/** An optional id field: left empty it is missing (必填), not malformed. */
export const idOrUndefined = (raw: string): string | undefined => (raw.trim() === '' ? undefined : raw.trim());
