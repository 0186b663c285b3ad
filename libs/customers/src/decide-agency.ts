import { DomainRuleViolation } from '@crm/workflow-kit';
import type { CustomerCommandOf } from './customer.commands';
import type { CustomerContext } from './customer.context';
import type { CustomerEvent } from './customer.events';
import { addMonths, monthOf, shanghaiDate } from './shanghai-time';
import { expiryInstant } from './decide-documents';

function assertExclusiveAgent(context: CustomerContext, what: string): void {
  if (context.productLine !== 'other_chemicals' || context.class?.salesObject !== 'exclusive_agent') {
    throw new DomainRuleViolation('R-TIER-7', `only exclusive agents of other chemical products ${what}`);
  }
}

/** R-TIER-7: every month an exclusive agent files next month's plan; refiling revises it. */
export function fileSalesPlan(command: CustomerCommandOf<'FileSalesPlan'>, context: CustomerContext): CustomerEvent[] {
  const { data, meta } = command;
  assertExclusiveAgent(context, 'file sales plans');
  const thisMonth = monthOf(shanghaiDate(meta.now));
  if (data.month <= thisMonth) throw new DomainRuleViolation('R-TIER-7', `a sales plan is for a coming month, not ${data.month}`, 'data.month');
  if (data.month > addMonths(thisMonth, 1)) throw new DomainRuleViolation('R-TIER-7', `a sales plan is filed for next month (${addMonths(thisMonth, 1)})`, 'data.month');
  data.lines.forEach((line, i) => {
    const { from, to } = line.pickupWindow;
    if (from > to || monthOf(from) !== data.month || monthOf(to) !== data.month) {
      throw new DomainRuleViolation('R-TIER-7', `the pickup window ${from}..${to} must lie within ${data.month}`, `data.lines.${i}.pickupWindow`);
    }
  });
  const revision = (context.salesPlans[data.month]?.revision ?? 0) + 1;
  return [{ type: 'SalesPlanFiled', data: { month: data.month, lines: data.lines, revision, filedBy: meta.actor.id, filedAt: meta.now } }];
}

/** R-TIER-7: the exclusive agency licence is yearly, valid through 31 December. */
export function issueAgencyLicence(command: CustomerCommandOf<'IssueAgencyLicence'>, context: CustomerContext): CustomerEvent[] {
  const { data, meta } = command;
  assertExclusiveAgent(context, 'receive an agency licence');
  const thisYear = Number(shanghaiDate(meta.now).slice(0, 4));
  if (data.year < thisYear || data.year > thisYear + 1) throw new DomainRuleViolation('R-TIER-7', `a licence is issued for ${thisYear} or ${thisYear + 1}`, 'data.year');
  if (context.agencyLicences[data.year]) throw new DomainRuleViolation('R-TIER-7', `the ${data.year} licence was already issued`, 'data.year');
  const validFrom = data.year === thisYear ? shanghaiDate(meta.now) : `${data.year}-01-01`;
  const issued = { year: data.year, licenceNumber: data.licenceNumber, validFrom, validUntil: `${data.year}-12-31`, issuedBy: meta.actor.id, issuedAt: meta.now };
  return [{ type: 'AgencyLicenceIssued', data: issued }];
}

export function expireAgencyLicence(command: CustomerCommandOf<'ExpireAgencyLicence'>, context: CustomerContext): CustomerEvent[] {
  const { data, meta } = command;
  const licence = context.agencyLicences[data.year];
  if (!licence || licence.expired) return [];
  if (meta.now < expiryInstant(licence.validUntil)) throw new DomainRuleViolation('R-TIER-7', `the ${data.year} licence is valid until ${licence.validUntil}`);
  return [{ type: 'AgencyLicenceExpired', data: { year: data.year, licenceNumber: licence.licenceNumber, expiredAt: meta.now } }];
}
