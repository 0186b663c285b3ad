import { WithdrawWarehouse } from '@crm/commerce';
import { useState } from 'react';
import { hasAnyRole } from '../auth/session';
import { useSignedIn } from '../auth/session.context';
import { useI18n } from '../i18n/i18n.context';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeading } from '../shell/page-heading';
import { CatalogueTables, type Editing } from './catalogue/catalogue-tables';
import { useCatalogueT } from './catalogue/catalogue.messages';
import { PricePanel } from './catalogue/price-panel';
import { ProductLineForm } from './catalogue/product-line-form';
import { useCatalogue } from './catalogue/use-catalogue';
import { WarehouseForm } from './catalogue/warehouse-form';
import { CommandCard } from './record-kit/command-card';
import type { CommandAnswer } from './record-kit/use-record-form';
import '../components/components.css';
import '../components/onboarding.css';
import './record-kit/record-kit.css';

/** 产品线与指定仓库 (R-TIER-1, R-PRIN-4): every role reads them and the price in force; the administrator keeps them. */
export default function CataloguePage() {
  const { t } = useCatalogueT();
  const { t: gt } = useI18n();
  const { api, session } = useSignedIn();
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<Editing>(null);
  // a withdrawn warehouse has nothing left to withdraw: its card closes, the note stays
  const [note, setNote] = useState<string | null>(null);
  const { catalogue, error } = useCatalogue(version);
  const mayEdit = hasAnyRole(session.user, ['administrator']);
  const saved = () => { setVersion((v) => v + 1); };
  const withdrawn = () => { setNote(t('withdrawnNote')); setEditing(null); saved(); };
  const edit = (next: Editing) => { setNote(null); setEditing(next); };
  const line = editing?.kind === 'line' ? catalogue?.productLines.find((p) => p.productLineId === editing.id) ?? null : null;
  const warehouse = editing && editing.kind !== 'line' ? catalogue?.warehouses.find((w) => w.warehouseId === editing.id) ?? null : null;

  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.catalogue.title')}</PageHeading>
      <ErrorAlert error={error} />
      {note ? <p className="alert alert-success" role="status">{note}</p> : null}
      {catalogue ? <CatalogueTables catalogue={catalogue} mayEdit={mayEdit} onEdit={edit} /> : null}
      {catalogue && mayEdit ? (
        <section className="card" aria-label={t('edit')}>
          {editing?.kind === 'withdraw' && warehouse ? (
            <CommandCard key={`w-${warehouse.warehouseId}`} title={t('withdrawTitle', { name: warehouse.nameZh })} fields={[{ name: 'reason', label: t('reason'), kind: 'textarea' }]}
              body={(v) => ({ reason: v('reason') })} schema={WithdrawWarehouse.omit({ warehouseId: true }).strict()}
              call={(b) => api.post<CommandAnswer>(`/catalogue/warehouses/${encodeURIComponent(warehouse.warehouseId)}/withdraw`, b)}
              submitLabel={t('withdraw')} success={t('withdrawnNote')} confirm={{ question: t('withdrawConfirm', { name: warehouse.nameZh }), label: t('withdrawConfirmButton') }} onDone={withdrawn} />
          ) : (
            <>
              <ProductLineForm key={`l-${line?.productLineId ?? 'new'}`} editing={line} taken={catalogue.productLines.map((p) => p.productLineId)} onSaved={saved} />
              <WarehouseForm key={`h-${editing?.kind === 'warehouse' ? warehouse?.warehouseId : 'new'}`} editing={editing?.kind === 'warehouse' ? warehouse : null} catalogue={catalogue} onSaved={saved} />
            </>
          )}
          {editing ? <div className="toolbar"><button type="button" className="button button-secondary" onClick={() => edit(null)}>{t('cancel')}</button></div> : null}
        </section>
      ) : null}
      {catalogue ? <PricePanel catalogue={catalogue} /> : null}
    </section>
  );
}
