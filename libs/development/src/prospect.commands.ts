import type { Command } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId, ProspectIdentifiers, ProspectSource, text, Tonnes } from './development.shapes';

const Region = text(100);
const Products = z.array(text(100)).min(1).max(20);

/** R-DEV-1: a customer manager records a prospect (目标客户档案) found in their region. */
export const RegisterProspect = z.object({
  prospectId: EntityId,
  companyName: text(200),
  identifiers: ProspectIdentifiers.default({}),
  region: Region,
  productsOfInterest: Products,
  /** estimated yearly volume in tonnes, when the manager can tell */
  estimatedTonnesPerYear: Tonnes.nullable().default(null),
  source: ProspectSource,
  notes: text(4000).optional(),
});
export type RegisterProspect = z.infer<typeof RegisterProspect>;

/** The fields an update may change; the event keeps each one's before and after. */
export const ProspectChanges = z
  .strictObject({
    companyName: text(200),
    identifiers: ProspectIdentifiers,
    region: Region,
    productsOfInterest: Products,
    estimatedTonnesPerYear: Tonnes.nullable(),
    source: ProspectSource,
    notes: text(4000),
  })
  .partial();
export type ProspectChanges = z.infer<typeof ProspectChanges>;

export const UpdateProspect = z.object({ changes: ProspectChanges, reason: text(2000) });
export type UpdateProspect = z.infer<typeof UpdateProspect>;

/** R-DEV-1: the prospect became an applicant: an onboarding application was opened for it. */
export const MarkProspectConverted = z.object({ applicationId: EntityId });
export type MarkProspectConverted = z.infer<typeof MarkProspectConverted>;

export const DropProspect = z.object({ reason: text(2000) });
export type DropProspect = z.infer<typeof DropProspect>;

export const prospectCommandSchemas = { RegisterProspect, UpdateProspect, MarkProspectConverted, DropProspect };

type Schemas = typeof prospectCommandSchemas;
export type ProspectCommandType = keyof Schemas;
export type ProspectCommand = { [K in ProspectCommandType]: Command<K, z.infer<Schemas[K]>> }[ProspectCommandType];
export type ProspectCommandOf<K extends ProspectCommandType> = Extract<ProspectCommand, { type: K }>;
