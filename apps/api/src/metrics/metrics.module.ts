import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { ReadModelSampler } from './read-model-sampler';

/** The scrape endpoint; the METRICS port itself is global (AppModule), as every layer reports to it. */
@Module({ controllers: [MetricsController], providers: [ReadModelSampler] })
export class MetricsModule {}
