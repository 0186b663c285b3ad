import { freeText } from '@crm/workflow-kit';
import { z } from 'zod';
import {
  CompanyIdentifiers, CompanyName, Contact, CustomerClass, EntityId, InvoicingData, ProductLine, QualificationDocument,
} from './onboarding.shapes';

/** R-TIER-1 / R-TIER-5: which class fits which product line; null when it fits. */
export function classProblem(productLine: ProductLine, cls: CustomerClass): string | null {
  if (productLine === 'polyolefin') {
    if (cls.salesObject === 'exclusive_agent') return 'R-TIER-1: polyolefin customers are distributors or direct customers';
    if (cls.salesForm === null) return 'R-TIER-1: polyolefin customers are online-auction or planned customers';
    return null;
  }
  return cls.salesForm === null ? null : 'R-TIER-5: other chemical products have no sales form (online auction / planned)';
}

/**
 * The account-opening form (客户开户审批表) as the customer manager fills it in. Formats are
 * checked on every draft; completeness and validity dates (R-ONB-1/2) only on submission,
 * so a draft can be saved before every certificate is scanned.
 */
export const ApplicationForm = z
  .object({
    companyName: CompanyName,
    identifiers: CompanyIdentifiers,
    invoicing: InvoicingData,
    contacts: z.array(Contact).min(1, 'R-ONB-1: at least one contact').max(10),
    productLine: ProductLine,
    customerClass: CustomerClass,
    region: freeText(50),
    customerManagerId: EntityId,
    documents: z.array(QualificationDocument).max(20),
  })
  .superRefine((form, ctx) => {
    const problem = classProblem(form.productLine, form.customerClass);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['customerClass'] });
  });
export type ApplicationForm = z.infer<typeof ApplicationForm>;
