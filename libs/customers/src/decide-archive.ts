import { DomainRuleViolation } from '@crm/workflow-kit';
import type { CustomerCommandOf } from './customer.commands';
import type { CustomerContext } from './customer.context';
import type { CustomerEvent, InformationField } from './customer.events';
import type { CustomerClass } from './customer.shapes';
import { ARCHIVE_RECIPIENTS } from './customer.shapes';
import type { CustomerServices } from './customer.services';
import { classProblem, gradeForClass, missingAdmission } from './customer.rules';
import { assertDocumentValid, fileDocument } from './decide-documents';

function assertClass(productLine: 'polyolefin' | 'other_chemicals', cls: CustomerClass, field: string): void {
  const problem = classProblem(productLine, cls);
  if (problem) throw new DomainRuleViolation(problem.slice(0, problem.indexOf(':')), problem.slice(problem.indexOf(':') + 2), field);
}

/** R-ONB-4: the archive opens once onboarding approved; finance and plant offices get it (R-ARC-2). */
export function openArchive(command: CustomerCommandOf<'OpenCustomerArchive'>, services: CustomerServices): CustomerEvent[] {
  const { data, meta } = command;
  assertClass(data.productLine, data.class, 'data.class');
  const grade = gradeForClass(data.productLine, data.class);
  if (data.grade !== undefined && data.grade !== grade) {
    const rule = data.productLine === 'polyolefin' ? 'R-TIER-2' : 'R-TIER-5';
    throw new DomainRuleViolation(rule, `a new customer of this class starts at grade ${grade ?? 'none'}, not ${data.grade}`, 'data.grade');
  }
  const missing = missingAdmission(data.productLine, data.class, data.admission);
  if (missing.length > 0) throw new DomainRuleViolation('R-TIER-6', `admission not attested: ${missing.join(', ')}`, 'data.admission');
  const ids = new Set(data.documents.map((d) => d.documentId));
  if (ids.size !== data.documents.length) throw new DomainRuleViolation('R-ARC-4', 'document ids must be unique', 'data.documents');
  data.documents.forEach((doc, i) => assertDocumentValid(doc, meta.now, `data.documents.${i}`));
  const documents = data.documents.map((doc) => fileDocument(doc, services));
  const archive = { ...data, grade, documents, admission: data.admission ?? null };
  return [{ type: 'CustomerArchiveOpened', data: { ...archive, openedBy: meta.actor.id, openedAt: meta.now, notify: ARCHIVE_RECIPIENTS } }];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** R-ARC-1/2: record what changed (before and after), who and why; notify finance and plant offices. */
export function changeInformation(command: CustomerCommandOf<'ChangeCustomerInformation'>, context: CustomerContext): CustomerEvent[] {
  const { data, meta } = command;
  const changes = Object.fromEntries(
    Object.entries(data.changes)
      .filter(([field, after]) => after !== undefined && !same(context[field as InformationField], after))
      .map(([field, after]) => [field, { before: context[field as InformationField], after }]),
  );
  if (Object.keys(changes).length === 0) throw new DomainRuleViolation('R-ARC-1', 'nothing differs from the archive', 'data.changes');
  const changed: CustomerEvent = {
    type: 'CustomerInformationChanged',
    data: { changes, reason: data.reason, changedBy: meta.actor.id, changedAt: meta.now, notify: ARCHIVE_RECIPIENTS },
  };
  return data.changes.class && changes.class ? [changed, ...classConsequences(data.changes.class, context, meta.now)] : [changed];
}

/** R-TIER-2/3: becoming planned leaves online auction; a direct customer is managed as ordinary. */
function classConsequences(cls: CustomerClass, context: CustomerContext, now: string): CustomerEvent[] {
  if (context.productLine === null) return [];
  assertClass(context.productLine, cls, 'data.changes.class');
  if (context.productLine !== 'polyolefin' || context.grade === null) return [];
  if (cls.salesObject !== 'direct' && cls.salesForm === 'online_auction' && context.grade !== 'online_auction') {
    throw new DomainRuleViolation('R-TIER-2', 'online auction is the grade of newly developed customers; a planned customer does not return to it', 'data.changes.class');
  }
  const cause = cls.salesObject === 'direct' ? 'direct_customer' : context.grade === 'online_auction' && cls.salesForm === 'planned' ? 'became_planned' : null;
  if (cause === null || context.grade === 'ordinary') return [];
  const ruleId = cause === 'direct_customer' ? 'R-TIER-3' : 'R-TIER-2';
  const data = { month: null, tonnage: null, band: null, previousGrade: context.grade, newGrade: 'ordinary' as const, cause, ruleId, changedAt: now } as const;
  return [{ type: 'CustomerGradeChanged', data }];
}
