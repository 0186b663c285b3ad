import { DomainRuleViolation } from '@crm/workflow-kit';
import type { CustomerContext } from './customer.context';
import { shanghaiDate } from './shanghai-time';

/**
 * R-EVAL-1: a pickup dated on a day business was suspended is refused, even once the customer is
 * reinstated (a back-dated record must not reopen the suspended period). A suspension covers the
 * days from the one it began on up to, not including, the day of reinstatement: a pickup carries a
 * date, not a time, and business resumed on that day (ADR 0023).
 */
export function assertNotSuspendedOn(context: CustomerContext, date: string): void {
  const period = context.suspensions.find((p) => shanghaiDate(p.from) <= date && (p.until === null || date < shanghaiDate(p.until)));
  if (!period) return;
  const until = period.until ? `until ${shanghaiDate(period.until)}` : 'and still is';
  throw new DomainRuleViolation('R-EVAL-1', `business was suspended on ${date} (from ${shanghaiDate(period.from)} ${until}): no pickup can be recorded for that day`, 'data.date');
}

const isExclusiveAgent = (c: CustomerContext) => c.productLine === 'other_chemicals' && c.class?.salesObject === 'exclusive_agent';

/**
 * R-TIER-7 "公司每年向符合要求的分销商颁发独家代理许可证": an exclusive agent picks up as an agent
 * only under the licence of the pickup's year, valid on its date. Returns the licence number the
 * pickup records; null for customers that are not exclusive agents.
 */
export function agencyLicenceFor(context: CustomerContext, date: string): string | null {
  if (!isExclusiveAgent(context)) return null;
  const licence = context.agencyLicences[date.slice(0, 4)];
  const validFrom = licence?.validFrom ?? `${date.slice(0, 4)}-01-01`;
  if (!licence || date < validFrom || date > licence.validUntil) {
    throw new DomainRuleViolation('R-TIER-7', `an exclusive agent without a ${date.slice(0, 4)} agency licence valid on ${date} cannot pick up as an agent`, 'data.date');
  }
  return licence.licenceNumber;
}

/** The machine's check of a recorded licence: it names the licence of the pickup's year, valid that day. */
export function licenceCoversPickup(context: CustomerContext, date: string, licenceNumber: string): boolean {
  const licence = context.agencyLicences[date.slice(0, 4)];
  return isExclusiveAgent(context) && !!licence && licence.licenceNumber === licenceNumber && date >= (licence.validFrom ?? `${date.slice(0, 4)}-01-01`) && date <= licence.validUntil;
}
