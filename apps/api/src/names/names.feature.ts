import type { ApiFeature } from '../feature';
import { NamesModule } from './names.module';

export const feature: ApiFeature = { module: NamesModule };
