import type { ApiFeature } from '../feature';
import { MetricsModule } from './metrics.module';

export const feature: ApiFeature = { module: MetricsModule };
