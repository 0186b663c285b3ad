import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/roles.decorator';
import { METRICS, type Metrics } from './metrics.port';
import { ReadModelSampler } from './read-model-sampler';
import { ScrapeTokenAllowed } from './scrape-token';

@ApiTags('service')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(METRICS) private readonly metrics: Metrics,
    private readonly sampler: ReadModelSampler,
  ) {}

  @Get()
  @Roles('administrator')
  @ScrapeTokenAllowed()
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'Prometheus metrics (text format): for METRICS_TOKEN as bearer token, or an administrator' })
  async scrape(@Res() response: Response): Promise<void> {
    this.metrics.readModels(await this.sampler.sample());
    const { contentType, body } = await this.metrics.render();
    response.type(contentType).send(body);
  }
}
