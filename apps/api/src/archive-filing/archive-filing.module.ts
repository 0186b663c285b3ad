import { Module } from '@nestjs/common';
import { ProcessModule } from '../process/process.module';
import { ArchiveChecksController } from './archive-checks.controller';
import { ArchiveCommands } from './archive-commands.service';
import { ArchiveFilingProcess } from './archive-filing.process';
import { ArchiveFilingsController } from './archive-filings.controller';

/** R-ARC-3 (ADR 0024): filings with the parent's chemicals sales department and its periodic checks. */
@Module({
  imports: [ProcessModule],
  controllers: [ArchiveFilingsController, ArchiveChecksController],
  providers: [ArchiveCommands, ArchiveFilingProcess],
})
export class ArchiveFilingModule {}
