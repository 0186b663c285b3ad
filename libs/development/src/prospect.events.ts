import { Role, type DomainEvent } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId, Instant, ProspectIdentifiers, ProspectSource, text, Tonnes } from './development.shapes';

const Acted = { by: EntityId, role: Role, at: Instant };

/** R-DEV-1: the archive opens; `customerManagerId` keeps it (the registering manager). */
export const ProspectRegistered = z.object({
  prospectId: EntityId, companyName: text(200), identifiers: ProspectIdentifiers, region: text(100),
  productsOfInterest: z.array(text(100)).min(1).max(20), estimatedTonnesPerYear: Tonnes.nullable(), source: ProspectSource,
  notes: z.string().max(4000).nullable(), customerManagerId: EntityId, ...Acted,
});
export type ProspectRegistered = z.infer<typeof ProspectRegistered>;

export const ProspectField = z.enum(['companyName', 'identifiers', 'region', 'productsOfInterest', 'estimatedTonnesPerYear', 'source', 'notes']);
export type ProspectField = z.infer<typeof ProspectField>;

/** R-DEV-1: what changed, before and after, who and why (as the customer archive records it). */
export const ProspectUpdated = z.object({
  changes: z.partialRecord(ProspectField, z.object({ before: z.unknown(), after: z.unknown() })),
  reason: text(2000), ...Acted,
});
export type ProspectUpdated = z.infer<typeof ProspectUpdated>;

/** DEV-DUPLICATE: `identityKey` is the company converted (absent on events before it was recorded). */
export const ProspectConverted = z.object({ applicationId: EntityId, identityKey: z.string().max(64).optional(), ...Acted });
export type ProspectConverted = z.infer<typeof ProspectConverted>;

export const ProspectDropped = z.object({ reason: text(2000), ...Acted });
export type ProspectDropped = z.infer<typeof ProspectDropped>;

export const prospectEventSchemas = { ProspectRegistered, ProspectUpdated, ProspectConverted, ProspectDropped };

type Schemas = typeof prospectEventSchemas;
export type ProspectEventType = keyof Schemas;
export type ProspectEvent = { [K in ProspectEventType]: DomainEvent<K, z.infer<Schemas[K]>> }[ProspectEventType];
export type ProspectEventOf<K extends ProspectEventType> = Extract<ProspectEvent, { type: K }>;
