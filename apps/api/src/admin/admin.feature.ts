import type { ApiFeature } from '../feature';
import { AdminModule } from './admin.module';

export const feature: ApiFeature = { module: AdminModule };
