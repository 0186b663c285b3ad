import { yuan } from '../../format/money';
import type { PriceSet } from '@crm/commerce';
import { useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { LabelledSelect } from '../../components/labelled-input';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import type { Catalogue } from '../contracts/contract-view';
import { type CatalogueT, useCatalogueT } from './catalogue.messages';

interface PriceAnswer { at: string; inForce: PriceSet | null; previous: PriceSet | null; upcoming: PriceSet[] }

const priceLine = (t: CatalogueT, p: PriceSet) => t('priceRow', {
  yuan: yuan(p.priceFen), from: formatInstant(p.effectiveFrom), by: t(`by.${p.decidedBy}`), decided: formatInstant(p.decidedAt),
});

/** R-PRICE-1: the price in force for a line at one of the warehouses designated for it (R-PRIN-4), and what came before and comes next. */
export function PricePanel({ catalogue }: { catalogue: Catalogue }) {
  const { t, lang } = useCatalogueT();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const [line, setLine] = useState('');
  const [warehouse, setWarehouse] = useState('');
  const [price, setPrice] = useState<PriceAnswer | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const warehouses = catalogue.warehouses.filter((w) => !w.withdrawn && w.productLines.includes(line));

  async function show() {
    if (!line || !warehouse) return;
    try {
      setPrice(await api.get<PriceAnswer>(`/prices/${encodeURIComponent(line)}/${encodeURIComponent(warehouse)}`));
      setError(null);
    } catch (e) { setError(describeError(e, gt)); }
  }

  return (
    <section className="card" aria-labelledby="price-title" data-testid="price-panel">
      <h2 id="price-title">{t('priceTitle')}</h2>
      <p className="hint">{t('priceIntro')}</p>
      <form className="form-row" aria-label={t('priceTitle')} onSubmit={(e) => { e.preventDefault(); void show(); }}>
        <LabelledSelect id="price-line" label={t('priceLine')} value={line} onChange={(v) => { setLine(v); setWarehouse(''); setPrice(null); }}
          options={[['', t('choose')], ...catalogue.productLines.map((p): [string, string] => [p.productLineId, lang === 'en' ? p.name : p.nameZh])]} />
        <LabelledSelect id="price-warehouse" label={t('priceWarehouse')} value={warehouse} onChange={(v) => { setWarehouse(v); setPrice(null); }}
          options={[['', t('choose')], ...warehouses.map((w): [string, string] => [w.warehouseId, w.nameZh])]} />
        <div className="toolbar"><button type="submit" className="button button-primary" disabled={!line || !warehouse}>{t('showPrice')}</button></div>
      </form>
      <ErrorAlert error={error} />
      {price ? (
        <dl className="kv" data-testid="price-answer">
          <dt>{t('inForce')}</dt><dd>{price.inForce ? priceLine(t, price.inForce) : t('noPrice')}</dd>
          {price.previous ? <><dt>{t('previous')}</dt><dd>{priceLine(t, price.previous)}</dd></> : null}
          {price.upcoming.length > 0 ? <><dt>{t('upcoming')}</dt><dd>{price.upcoming.map((p) => priceLine(t, p)).join('；')}</dd></> : null}
        </dl>
      ) : null}
    </section>
  );
}
