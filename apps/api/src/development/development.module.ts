import { Module } from '@nestjs/common';
import { ProcessModule } from '../process/process.module';
import { DevelopmentCommandService } from './development-command.service';
import { DevelopmentReadService } from './development-read.service';
import { PlanCommandsController } from './plan-commands.controller';
import { PlanQueriesController } from './plan-queries.controller';
import { ProspectCommandsController } from './prospect-commands.controller';
import { ProspectQueriesController } from './prospect-queries.controller';
import { TargetConversionProcess } from './target-conversion.process';

/** Customer development (R-DEV-1..3): commands and reads of prospects and development plans, and the process counting target conversions. */
@Module({
  imports: [ProcessModule],
  controllers: [ProspectCommandsController, ProspectQueriesController, PlanCommandsController, PlanQueriesController],
  providers: [DevelopmentCommandService, DevelopmentReadService, TargetConversionProcess],
})
export class DevelopmentModule {}
