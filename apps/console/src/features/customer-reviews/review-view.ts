/** GET /customer-reviews/:productLine/:period as far as the page reads it (R-EVAL-2). */
export type ReviewOutcome = 'keep' | 'up' | 'down' | 'exit';
export const OUTCOMES: readonly ReviewOutcome[] = ['keep', 'up', 'down', 'exit'];
interface Acted { by: string; at: string }
export interface ReviewEntryView {
  customerId: string; salesObject: 'direct' | 'exclusive_agent' | 'distributor'; suggested: ReviewOutcome; evidence: string;
  recorded: ReviewOutcome | null; decision: ({ reason: string } & Acted) | null; outcome: ReviewOutcome | null;
}
export interface CustomerReviewView {
  productLine: string; period: string; state: 'open' | 'concluded'; meeting: '公司经营例会' | '产品经销公司总经理办公会' | null;
  opened: Acted | null; conclusion: ({ note: string | null } & Acted) | null; entries: ReviewEntryView[];
}

/** The part of a year a review covers: a quarter, a half-year or the whole year (R-EVAL-2). */
export const PERIOD_PARTS = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'Y'] as const;
export type PeriodPart = (typeof PERIOD_PARTS)[number];
/** 'YYYY-Q1', 'YYYY-H2', 'YYYY' — the API's period */
export const periodOf = (year: number, part: PeriodPart): string => (part === 'Y' ? String(year) : `${year}-${part}`);
/** the year and part of a period from the address; null when it is not one */
export function splitPeriod(period: string | undefined): { year: number; part: PeriodPart } | null {
  const m = /^(20\d{2})(?:-(Q[1-4]|H[12]))?$/.exec(period ?? '');
  return m ? { year: Number(m[1]), part: (m[2] ?? 'Y') as PeriodPart } : null;
}
/** the last quarter closed before a Beijing date (what the sales department reviews next) */
export function lastClosedQuarter(today: string): { year: number; part: PeriodPart } {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return quarter === 1 ? { year: year - 1, part: 'Q4' } : { year, part: `Q${quarter - 1}` as PeriodPart };
}

export interface Evidence { tonnes: string; moves: number; direction: 'up' | 'down' | null; raised: number; cleared: number }
/**
 * The figures behind a suggestion, read back from the API's sentence
 * (`期内提货 120 吨；等级变动 1 次（升）；下滑预警 0 次，解除 0 次`) so the page can say them in either
 * language; null when the sentence is not of that form (it is then shown as written).
 */
export function evidenceOf(text: string): Evidence | null {
  const m = /^期内提货 (\d+(?:\.\d+)?) 吨；等级变动 (\d+) 次(（升）|（降）)?；下滑预警 (\d+) 次，解除 (\d+) 次$/.exec(text);
  if (!m) return null;
  return { tonnes: m[1], moves: Number(m[2]), direction: m[3] === '（升）' ? 'up' : m[3] === '（降）' ? 'down' : null, raised: Number(m[4]), cleared: Number(m[5]) };
}
