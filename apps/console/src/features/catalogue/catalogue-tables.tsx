import type { Catalogue } from '../contracts/contract-view';
import { productLineLabel } from '../contracts/contract-view';
import { useCatalogueT } from './catalogue.messages';

export type Editing = { kind: 'line'; id: string } | { kind: 'warehouse'; id: string } | { kind: 'withdraw'; id: string } | null;

/** R-TIER-1 product lines and R-PRIN-4 designated warehouses, each warehouse with the lines it serves; edit buttons for the administrator. */
export function CatalogueTables({ catalogue, mayEdit, onEdit }: { catalogue: Catalogue; mayEdit: boolean; onEdit(editing: Editing): void }) {
  const { t, lang } = useCatalogueT();
  return (
    <>
      <section className="card" aria-labelledby="lines-title">
        <h2 id="lines-title">{t('linesTitle')}</h2>
        <div className="table-wrap">
          <table className="table" data-testid="product-lines">
            <thead><tr><th>{t('nameZh')}</th><th>{t('name')}</th><th>{t('warehousesTitle')}</th>{mayEdit ? <th><span className="visually-hidden">{t('edit')}</span></th> : null}</tr></thead>
            <tbody>
              {catalogue.productLines.map((p) => (
                <tr key={p.productLineId} data-line={p.productLineId}>
                  <td>{p.nameZh}</td><td>{p.name}</td>
                  <td>{catalogue.warehouses.filter((w) => !w.withdrawn && w.productLines.includes(p.productLineId)).map((w) => w.nameZh).join('、') || '—'}</td>
                  {mayEdit ? <td><button type="button" className="button button-secondary" onClick={() => onEdit({ kind: 'line', id: p.productLineId })}>{t('edit')}<span className="visually-hidden"> {p.nameZh}</span></button></td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="warehouses-title">
        <h2 id="warehouses-title">{t('warehousesTitle')}</h2>
        {catalogue.warehouses.length === 0 ? <p className="empty">{t('noWarehouses')}</p> : (
          <div className="table-wrap">
            <table className="table" data-testid="warehouses">
              <thead><tr><th>{t('warehouse')}</th><th>{t('designatedFor')}</th><th>{t('address')}</th><th>{t('standing')}</th>{mayEdit ? <th><span className="visually-hidden">{t('edit')}</span></th> : null}</tr></thead>
              <tbody>
                {catalogue.warehouses.map((w) => (
                  <tr key={w.warehouseId} data-warehouse={w.warehouseId}>
                    <td>{w.nameZh}</td>
                    <td>{w.productLines.map((id) => productLineLabel(catalogue, id, lang)).join('、')}</td>
                    <td>{w.address ?? '—'}</td>
                    <td><span className="badge" data-state={w.withdrawn ? 'withdrawn' : 'inUse'}>{w.withdrawn ? t('withdrawn') : t('inUse')}</span></td>
                    {mayEdit ? (
                      <td className="toolbar">
                        <button type="button" className="button button-secondary" onClick={() => onEdit({ kind: 'warehouse', id: w.warehouseId })}>{t('edit')}<span className="visually-hidden"> {w.nameZh}</span></button>
                        {w.withdrawn ? null : <button type="button" className="button button-danger" onClick={() => onEdit({ kind: 'withdraw', id: w.warehouseId })}>{t('withdraw')}<span className="visually-hidden"> {w.nameZh}</span></button>}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
