import { Module } from '@nestjs/common';
import { ActorLabels } from './actor-labels';
import { CustomerAuditController } from './customer-audit.controller';
import { CustomerAuditService } from './customer-audit.service';
import { WhatIfController } from './what-if.controller';
import { WhatIfService } from './what-if.service';

/** Issue 8: history, as-of, verification, export and what-if for auditors (read-only apart from the audit log). */
@Module({
  controllers: [CustomerAuditController, WhatIfController],
  providers: [CustomerAuditService, WhatIfService, ActorLabels],
})
export class AuditModule {}
