import { customerIdFor, organisationCodeInCreditCode } from '@crm/onboarding';
import { DomainRuleViolation } from '@crm/workflow-kit';
import { DevelopmentRule } from './development.rules';
import type { ProspectContext } from './prospect.context';
import type { ConversionFacts, ProspectServices } from './prospect.services';

const CLOSED = new Set(['withdrawn', 'rejected', 'voided']);

/**
 * R-DEV-1 + DEV-DUPLICATE: a prospect converts into an application opened for its own company, and
 * only while that company is nobody's customer yet and no other application holds it. The company
 * is the application's identity key (the organisation code ONB-DUPLICATE reserves); a prospect
 * whose credit code is on file must be that company. Returns the key the conversion is recorded with.
 */
export function conversionCompany(applicationId: string, context: ProspectContext, services: ProspectServices | undefined): string {
  if (!services) throw new Error('MarkProspectConverted needs the conversion facts read before the command');
  const facts = services.conversionFacts(applicationId);
  if (facts.applicationState === 'none' || facts.identityKey === null) {
    throw new DomainRuleViolation(DevelopmentRule.prospects, `no onboarding application ${applicationId} is open`, 'applicationId');
  }
  const key = facts.identityKey;
  const own = context.identifiers.creditCode ? organisationCodeInCreditCode(context.identifiers.creditCode) : null;
  if (own !== null && own !== key) {
    throw new DomainRuleViolation(DevelopmentRule.prospects, `application ${applicationId} is for the company with organisation code ${key}, not this prospect's ${own}`, 'applicationId');
  }
  refuseDuplicate(facts, key);
  if (CLOSED.has(facts.applicationState)) {
    throw new DomainRuleViolation(DevelopmentRule.prospects, `application ${applicationId} is ${facts.applicationState}: a prospect converts into an application that is open or approved`, 'applicationId');
  }
  return key;
}

/** DEV-DUPLICATE: the customer this very application became is the conversion itself, any other is not. */
function refuseDuplicate(facts: ConversionFacts, key: string): void {
  const others = facts.customers.filter((c) => c !== customerIdFor(facts.applicationId));
  if (others.length > 0) {
    throw new DomainRuleViolation(DevelopmentRule.duplicate, `the company with organisation code ${key} is already the customer ${others.join(', ')}: it is no prospect to convert`, 'applicationId');
  }
  if (facts.reservedBy !== null && facts.reservedBy !== facts.applicationId) {
    throw new DomainRuleViolation(DevelopmentRule.duplicate, `the company with organisation code ${key} has the open application ${facts.reservedBy}: it is no prospect to convert`, 'applicationId');
  }
}
