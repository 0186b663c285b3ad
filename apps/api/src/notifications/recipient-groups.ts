import type { Role } from '@crm/workflow-kit';

/** A recipient group is a department or role name (`finance`, `supervisor`, `plant_office_lz` …). */
export const RECIPIENT_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

/** Who in the company a group named in `data.notify` stands for. */
export type GroupMembers =
  | { kind: 'role'; role: Role }
  /** the manager of the customer the event is about (R-KAM-2: one manager per customer), not every manager */
  | { kind: 'customer-manager' };

/**
 * The one declarative table from group names to people. Events name groups as their context
 * speaks of them (`finance` in the archive rules, `supervisor` for SLA alerts, department names in
 * visit findings); a name missing here has no members and is reached over its group channels only
 * (robots, e-mail, webhooks), as plant offices are.
 */
export const RECIPIENT_GROUPS: Readonly<Record<string, GroupMembers>> = {
  customer_manager: { kind: 'customer-manager' },
  sales: { kind: 'role', role: 'sales_reviewer' },
  sales_reviewer: { kind: 'role', role: 'sales_reviewer' },
  finance: { kind: 'role', role: 'finance_reviewer' },
  finance_reviewer: { kind: 'role', role: 'finance_reviewer' },
  general_manager: { kind: 'role', role: 'general_manager' },
  supervisor: { kind: 'role', role: 'supervisor' },
  auditor: { kind: 'role', role: 'auditor' },
  administrator: { kind: 'role', role: 'administrator' },
  /** R-ARC-3 报产品经销公司化工品销售部备案 (ADR 0024) */
  parent_chemicals_sales: { kind: 'role', role: 'parent_chemicals_sales' },
};

/** R-ARC-2: "相应的驻厂办". Events say this; the outbox resolves it to the customer's own office(s). */
export const PLANT_OFFICES_GROUP = 'plant_offices';
export const PLANT_OFFICE_PREFIX = 'plant_office_';
export { PLANT_OFFICE_ID } from '@crm/workflow-kit';
export const plantOfficeGroup = (officeId: string): string => `${PLANT_OFFICE_PREFIX}${officeId}`;

/** The separator between an event id and a person in outbox ids: never part of a group name. */
export const PERSON_MARK = '@';
export const personRowId = (eventId: string, username: string): string => `${eventId}:${PERSON_MARK}${username}`;
