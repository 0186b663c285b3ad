import { Module } from '@nestjs/common';
import { ForumsController } from './forums.controller';
import { RelationshipCommands } from './relationship-command.service';
import { RelationshipFacts } from './relationship-facts.service';
import { RelationshipReads } from './relationship-read.service';
import { SurveysController } from './surveys.controller';
import { VisitPlansController } from './visit-plans.controller';
import { VisitReportsController } from './visit-reports.controller';

/**
 * Relationship maintenance (R-VISIT-1..3, R-SURV-1, R-FORUM-1). Findings and improvement plans
 * need nothing here to reach people: their events name `notify` recipients and the notification
 * outbox delivers them.
 */
@Module({
  controllers: [VisitPlansController, VisitReportsController, SurveysController, ForumsController],
  providers: [RelationshipCommands, RelationshipFacts, RelationshipReads],
})
export class RelationshipModule {}
