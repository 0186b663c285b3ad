import { z } from 'zod';

export const EntityId = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, dot, dash or underscore; at most 64 characters');
export const Instant = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();

/** Prices in fen (分) per tonne: whole numbers, so a price never drifts through floating point. */
export const PriceFen = z.number().int().min(1).max(10_000_000_000);

/** A product line (R-TIER-1 按照不同的产品设置不同的客户): data the administrators maintain; the two the policy names ship built in. */
export const ProductLineId = EntityId;
export const BUILT_IN_PRODUCT_LINES = [
  { productLineId: 'polyolefin', nameZh: '聚烯烃', name: 'Polyolefins' },
  { productLineId: 'other_chemicals', nameZh: '其他化工产品', name: 'Other chemicals' },
] as const;
