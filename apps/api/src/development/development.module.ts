import { Module } from '@nestjs/common';
import { DevelopmentCommandService } from './development-command.service';
import { DevelopmentReadService } from './development-read.service';
import { PlanCommandsController } from './plan-commands.controller';
import { PlanQueriesController } from './plan-queries.controller';
import { ProspectCommandsController } from './prospect-commands.controller';
import { ProspectQueriesController } from './prospect-queries.controller';

/** Customer development (R-DEV-1..3): commands and reads of prospects and development plans. */
@Module({
  controllers: [ProspectCommandsController, ProspectQueriesController, PlanCommandsController, PlanQueriesController],
  providers: [DevelopmentCommandService, DevelopmentReadService],
})
export class DevelopmentModule {}
