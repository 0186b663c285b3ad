import type { IncomingMessage } from 'node:http';
import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CustomerContext } from '@crm/customers';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { isManagerScoped } from './customer-access';
import { CustomerCommandService, type HttpRequestLike } from './customer-command.service';
import { importTableOf } from './import-file';
import { importRefused } from './import-refused';
import { importPickups } from './pickup-import';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('pickups')
export class PickupImportController {
  constructor(
    private readonly commands: CustomerCommandService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('import')
  @HttpCode(200)
  @Roles('customer_manager', 'sales_reviewer', 'administrator')
  @ApiOperation({
    summary: 'Bulk pickups from a CSV (text/csv body, or JSON {csv}) or an .xlsx sheet (its media type, application/octet-stream, or multipart part "file"); any row error → 400 listing every row error and nothing is imported; idempotent per pickupId',
  })
  async import(@Req() req: HttpRequestLike & IncomingMessage & { body: unknown }, @CurrentActor() actor: Actor) {
    const report = await importPickups(await importTableOf(req), {
      store: this.store,
      servicesFor: (scope) => this.commands.servicesFor(scope),
      actor,
      now: this.clock.now().toISOString(),
      execute: (customerId, command, services) => this.commands.execute(customerId, command.type, command.data, actor, req, services),
      refuse: (customerId, context: CustomerContext) =>
        isManagerScoped(actor) && context.customerManagerId !== actor.id ? `customer ${customerId} is managed by another customer manager` : null,
    });
    if (!report.ok) {
      const outcome = report.stage === 'write' ? `import stopped after ${report.recorded} recorded rows; re-run the same file to complete it` : 'the file has errors; nothing was imported';
      throw importRefused(report, outcome);
    }
    return report;
  }
}
