import { Module } from '@nestjs/common';
import { ComplaintCommandService } from './complaint-command.service';
import { ComplaintCommandsController } from './complaint-commands.controller';
import { ComplaintEscalationsController } from './complaint-escalations.controller';
import { ComplaintPoliciesController } from './complaint-policies.controller';
import { ComplaintPolicyService } from './complaint-policy.service';
import { ComplaintPolicyApprovalProcess } from './complaint-policy-approval.process';
import { CommitteeModule } from '../committee/committee.module';
import { ProcessModule } from '../process/process.module';
import { ComplaintQueriesController } from './complaint-queries.controller';
import { ComplaintReadService } from './complaint-read.service';
import { SlaAlertPoller } from './sla-alert.poller';
import { SlaAlertStream } from './sla-alert.stream';
import { SlaBoardService } from './sla-board.service';
import { SlaController } from './sla.controller';
import { ConsultationService } from './consultation.service';
import { ConsultationsController } from './consultations.controller';

/**
 * Complaints (issue 6): commands, policy versions, reads, and the supervisors' SLA alerts, board
 * and statistics; customer enquiries (ADR 0026), on the general complaint's clock. SLA webhooks need nothing here: the SLA events name their recipients (`notify`)
 * and the notification outbox delivers them.
 */
@Module({
  imports: [CommitteeModule, ProcessModule],
  controllers: [ComplaintCommandsController, ComplaintEscalationsController, ComplaintPoliciesController, ComplaintQueriesController, SlaController, ConsultationsController],
  providers: [ComplaintPolicyService, ComplaintPolicyApprovalProcess, ComplaintCommandService, ComplaintReadService, SlaBoardService, SlaAlertPoller, SlaAlertStream, ConsultationService],
})
export class ComplaintsModule {}
