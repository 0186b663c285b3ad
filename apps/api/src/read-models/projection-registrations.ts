import { type Projection, timersProjection } from '@crm/engine';
import { discoverFeatures } from '../feature-discovery';

/** The engine's timers read model, then every context's (declared in its `*.feature.ts`). */
export function projections(): Projection[] {
  return [timersProjection, ...discoverFeatures().flatMap((f) => f.projections?.() ?? [])];
}
