import { useEffect, useId, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useI18n } from '../../i18n/i18n.context';
import { localMessages } from '../../i18n/local-messages';
import { useSignedIn } from '../../auth/session.context';
import { ErrorAlert } from '../../shell/error-alert';
import { labelFor, tonnes, useKeyAccountsT } from '../key-accounts/key-accounts.messages';
import { beijingMonth, PRODUCT_LINES, type ProductLine } from './allocation-view';
import { useAllocationsT } from './allocations.messages';

/** GET /allocations/:month, as far as the overview reads it (apps/api/src/key-accounts/allocation.service.ts allocationView). */
interface MonthAllocation {
  productLine: ProductLine | null; round: number; status: 'draft' | 'approved' | 'returned';
  availableTonnes: number; demandTonnes: number; allocatedTonnes: number; shortfallTonnes: number;
  inForce: { round: number; lines: Array<{ allocatedTonnes: number }> } | null;
}

const useMonthT = localMessages({
  'zh-CN': {
    title: '月度资源分配总览',
    intro: '所选月份每条产品线的分配方案与执行中的分配量（R-ALLOC-2）。',
    none: '{month} 尚无任何产品线的分配方案。',
    notProposed: '尚未编制',
    latest: '最新方案',
    inForce: '执行中',
    inForceTonnes: '第 {n} 轮，{t} 吨',
    noneInForce: '无（提货不受分配量限制）',
  },
  en: {
    title: 'A month’s allocations at a glance',
    intro: 'Each product line’s proposal for the month chosen, and the allocation in force (R-ALLOC-2).',
    none: 'No product line has an allocation proposal for {month}.',
    notProposed: 'Not proposed',
    latest: 'Latest proposal',
    inForce: 'In force',
    inForceTonnes: 'round {n}, {t} t',
    noneInForce: 'None (pickups are not held to an allocation)',
  },
});

/** R-ALLOC-2: every product line's allocation of one month, read at once; the workbench below opens one line. */
export function AllocationMonth({ initialMonth }: { initialMonth?: string }) {
  const { t } = useMonthT();
  const { t: at } = useAllocationsT();
  const { t: kt } = useKeyAccountsT();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const id = useId();
  const [month, setMonth] = useState(initialMonth ?? beijingMonth());
  const [items, setItems] = useState<MonthAllocation[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);

  useEffect(() => {
    if (!/^\d{4}-\d{2}$/.test(month)) return;
    let live = true;
    api.get<{ allocations: MonthAllocation[] }>(`/allocations/${month}`).then(
      (answer) => { if (live) { setItems(answer.allocations); setError(null); } },
      (e) => { if (live) setError(describeError(e, gt)); },
    );
    return () => { live = false; };
  }, [api, gt, month]);

  const of = (line: ProductLine) => items?.find((a) => a.productLine === line);
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="allocation-month">
      <div className="card-header"><h2 id={`${id}-title`}>{t('title')}</h2></div>
      <p className="hint">{t('intro')}</p>
      <div className="field field-narrow">
        <label htmlFor={`${id}-month`}>{at('month')}</label>
        <input id={`${id}-month`} type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
      </div>
      <ErrorAlert error={error} />
      {items && items.length === 0 ? <p className="empty">{t('none', { month })}</p> : null}
      {items && items.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="allocation-month-table">
            <thead>
              <tr>
                <th scope="col">{at('line')}</th><th scope="col">{t('latest')}</th>
                <th scope="col" className="num">{kt('available')}</th><th scope="col" className="num">{kt('demand')}</th><th scope="col" className="num">{kt('allocated')}</th><th scope="col" className="num">{kt('shortfall')}</th>
                <th scope="col">{t('inForce')}</th>
              </tr>
            </thead>
            <tbody>
              {PRODUCT_LINES.map((line) => {
                const a = of(line);
                return (
                  <tr key={line} data-line={line}>
                    <th scope="row">{at(`line.${line}`)}</th>
                    {a ? (
                      <>
                        <td>{kt('round', { n: a.round })} · {labelFor(kt, 'status', a.status)}</td>
                        <td className="num">{tonnes(a.availableTonnes)}</td><td className="num">{tonnes(a.demandTonnes)}</td><td className="num">{tonnes(a.allocatedTonnes)}</td><td className="num">{tonnes(a.shortfallTonnes)}</td>
                        <td>{a.inForce ? t('inForceTonnes', { n: a.inForce.round, t: tonnes(a.inForce.lines.reduce((s, l) => s + l.allocatedTonnes, 0)) }) : t('noneInForce')}</td>
                      </>
                    ) : <td colSpan={6} className="muted">{t('notProposed')}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
