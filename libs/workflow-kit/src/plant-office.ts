import { z } from 'zod';
import { freeText } from './free-text';

/** A resident plant office's id: its recipient group is `plant_office_<id>` (R-ARC-2, ADR 0016). */
export const PLANT_OFFICE_ID = /^[a-z0-9][a-z0-9_]{0,26}$/;
export const PlantOfficeId = z.string().regex(PLANT_OFFICE_ID, 'a plant office id: lower-case letters, digits and underscores; 1–27 characters');

/**
 * What an administrator registers for a plant office (驻厂办), as the API checks it: here so the
 * console's channel screen checks the same rules in the browser (issue 16).
 */
export const PlantOfficeBody = z.strictObject({
  name: freeText(100),
  /** the warehouses (库位) of the office's plant: customers collecting there are its customers */
  warehouses: z.array(freeText(200)).max(100).refine((w) => new Set(w).size === w.length, 'warehouses repeat'),
  /** sales regions whose customers it is told of before their first pickup */
  regions: z.array(freeText(100)).max(50).refine((r) => new Set(r).size === r.length, 'regions repeat'),
});
export type PlantOfficeBody = z.infer<typeof PlantOfficeBody>;

export const PlantOfficeRemovalBody = z.strictObject({ reason: freeText(2000) });
export type PlantOfficeRemovalBody = z.infer<typeof PlantOfficeRemovalBody>;
