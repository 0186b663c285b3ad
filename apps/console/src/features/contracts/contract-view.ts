import type { Lang } from '../../i18n/i18n.context';

/** GET /contracts rows (the sales_contracts projection). */
export interface ContractRow { contract_id: string; customer_id: string; product_line_id: string; contract_no: string; valid_from: string; valid_until: string; status: string; warned: number }
/** GET /contracts/:id as far as the page reads it. */
export interface ContractView {
  id: string; state: string; customerId: string; productLineId: string; contractNo: string; validFrom: string; validUntil: string;
  draftedBy: string | null; approvedBy: string | null; signedOn: string | null; signedText: { name: string } | null; warned: boolean;
}
/** GET /catalogue */
export interface Catalogue {
  productLines: Array<{ productLineId: string; nameZh: string; name: string }>;
  warehouses: Array<{ warehouseId: string; nameZh: string; productLines: string[]; address: string | null; withdrawn: boolean }>;
}

/** A product line's name in the page's language; one the catalogue does not know reads neutrally, never as its id. */
export const productLineLabel = (catalogue: Catalogue | null, id: string, lang: Lang): string => {
  const line = catalogue?.productLines.find((p) => p.productLineId === id);
  if (!line) return lang === 'en' ? '(unknown product line)' : '（未知产品线）';
  return lang === 'en' ? line.name : line.nameZh;
};
