import type { StoredEvent } from '@crm/event-store';
import type { Kysely } from 'kysely';
import { Username } from '../auth/user-directory';
import { CUSTOMER_ROUTES_TABLE, CUSTOMER_STREAM, PEOPLE_TABLE, PLANT_OFFICES_TABLE, SUBJECTS_TABLE } from './outbox-directory';
import { PLANT_OFFICES_GROUP, plantOfficeGroup, RECIPIENT_GROUPS, RECIPIENT_PATTERN } from './recipient-groups';

/** Who one event reaches: groups (their channels) and people (in-app, their e-mail). */
export interface OutboxAddress {
  customerId: string | null;
  groups: string[];
  /** each person with the groups they were reached through (empty: named in notifyUsers) */
  people: Map<string, string[]>;
}

interface NotifyingData {
  notify?: unknown;
  notifyUsers?: unknown;
  customerManagerId?: unknown;
  customerId?: unknown;
  subject?: { customerId?: unknown } | null;
}

const strings = (value: unknown, pattern: { test(s: string): boolean }): string[] =>
  Array.isArray(value) ? [...new Set(value.filter((v): v is string => typeof v === 'string' && pattern.test(v)))] : [];
const username = { test: (s: string) => Username.safeParse(s).success };

/**
 * Any event opts in with `data.notify` (groups) and/or `data.notifyUsers` (user ids). Groups become
 * their active members (disabled users never), `plant_offices` becomes the customer's own office(s)
 * (R-ARC-2), and whoever caused the event is not told of their own act.
 */
export async function addressEvent(event: StoredEvent, trx: Kysely<any>): Promise<OutboxAddress | null> {
  const data = event.data as NotifyingData;
  const named = strings(data.notify, RECIPIENT_PATTERN);
  const direct = strings(data.notifyUsers, username);
  if (named.length === 0 && direct.length === 0) return null;
  const customerId = await subjectOf(event, data, trx);
  const groups = (await Promise.all(named.map((g) => (g === PLANT_OFFICES_GROUP ? plantOfficesOf(customerId, trx) : [g])))).flat();
  const people = new Map<string, string[]>();
  const add = (person: string, via: string | null) => {
    if (person === event.metadata.actor) return;
    const list = people.get(person) ?? [];
    if (via && !list.includes(via)) list.push(via);
    people.set(person, list);
  };
  for (const group of [...new Set(groups)]) for (const person of await membersOf(group, data, customerId, trx)) add(person, group);
  for (const person of await active(direct, trx)) add(person, null);
  return { customerId, groups: [...new Set(groups)], people };
}

async function subjectOf(event: StoredEvent, data: NotifyingData, trx: Kysely<any>): Promise<string | null> {
  if (event.streamId.startsWith(CUSTOMER_STREAM)) return event.streamId.slice(CUSTOMER_STREAM.length);
  const row = await trx.selectFrom(SUBJECTS_TABLE).select('customer_id').where('stream_id', '=', event.streamId).executeTakeFirst();
  if (row) return row.customer_id as string;
  const named = data.subject?.customerId ?? data.customerId;
  return typeof named === 'string' ? named : null;
}

async function membersOf(group: string, data: NotifyingData, customerId: string | null, trx: Kysely<any>): Promise<string[]> {
  const members = RECIPIENT_GROUPS[group];
  if (!members) return [];
  if (members.kind === 'customer-manager') {
    if (typeof data.customerManagerId === 'string') return active([data.customerManagerId], trx);
    if (customerId === null) return [];
    const route = await trx.selectFrom(CUSTOMER_ROUTES_TABLE).select('manager_id').where('customer_id', '=', customerId).executeTakeFirst();
    return route?.manager_id ? active([route.manager_id as string], trx) : [];
  }
  // roles are a JSON array in one column: match the quoted name, which no other role contains
  const rows = await trx.selectFrom(PEOPLE_TABLE).select('username').where('roles', 'like', `%"${members.role}"%`).where('disabled', '=', 0).orderBy('username').execute();
  return rows.map((r) => r.username as string);
}

async function active(usernames: string[], trx: Kysely<any>): Promise<string[]> {
  if (usernames.length === 0) return [];
  const rows = await trx.selectFrom(PEOPLE_TABLE).select('username').where('username', 'in', usernames).where('disabled', '=', 0).execute();
  const found = new Set(rows.map((r) => r.username as string));
  return usernames.filter((u) => found.has(u));
}

/**
 * R-ARC-2 "相应的驻厂办": the offices whose plants' warehouses the customer collects at (款到发货,
 * 货物自提, at the company's designated 库位); before any pickup, the offices covering its region.
 * When no office is configured for either, the generic group stays, visibly unrouted.
 */
async function plantOfficesOf(customerId: string | null, trx: Kysely<any>): Promise<string[]> {
  if (customerId === null) return [PLANT_OFFICES_GROUP];
  const route = await trx.selectFrom(CUSTOMER_ROUTES_TABLE).select(['warehouses', 'region']).where('customer_id', '=', customerId).executeTakeFirst();
  if (!route) return [PLANT_OFFICES_GROUP];
  const offices = await trx.selectFrom(PLANT_OFFICES_TABLE).select(['office_id', 'warehouses', 'regions']).orderBy('office_id').execute();
  const warehouses = new Set(JSON.parse(route.warehouses as string) as string[]);
  const byWarehouse = offices.filter((o) => (JSON.parse(o.warehouses as string) as string[]).some((w) => warehouses.has(w)));
  const chosen = byWarehouse.length > 0 ? byWarehouse : offices.filter((o) => (JSON.parse(o.regions as string) as string[]).includes(route.region as string));
  return chosen.length > 0 ? chosen.map((o) => plantOfficeGroup(o.office_id as string)) : [PLANT_OFFICES_GROUP];
}
