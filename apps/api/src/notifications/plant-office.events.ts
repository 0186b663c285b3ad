import { freeText, PlantOfficeId } from '@crm/workflow-kit';
import { z } from 'zod';

/** Administrators' registry of resident plant offices (驻厂办), one stream for all of them. */
export const PLANT_OFFICES_STREAM = 'plant-offices';

export { PlantOfficeId };

/**
 * R-ARC-2 (相应的驻厂办): which warehouses (库位) the office's plant serves, and for customers with
 * no pickup yet which sales regions; the whole office is sent each time (the last one holds).
 */
export const PlantOfficeConfigured = z.object({
  officeId: PlantOfficeId,
  name: freeText(100),
  warehouses: z.array(freeText(200)).max(100),
  regions: z.array(freeText(100)).max(50),
});
export type PlantOfficeConfigured = z.infer<typeof PlantOfficeConfigured>;

export const PlantOfficeRemoved = z.object({ officeId: PlantOfficeId, reason: freeText(2000) });
export type PlantOfficeRemoved = z.infer<typeof PlantOfficeRemoved>;

export const PLANT_OFFICE_EVENT_TYPES = ['PlantOfficeConfigured', 'PlantOfficeRemoved'] as const;
