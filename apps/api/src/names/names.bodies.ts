import { z } from 'zod';
import { PathId } from '../customers/customers.bodies';
import { MinPosition } from '../read-models/read-your-writes';

/** A comma-separated list of ids, each an id as the paths take them, at most 200. */
const IdList = z
  .string()
  .max(20_000)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(PathId).max(200));

export const NamesQuery = z.strictObject({ people: IdList.optional(), customers: IdList.optional(), minPosition: MinPosition });
export type NamesQuery = z.infer<typeof NamesQuery>;
