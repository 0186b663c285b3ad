import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditorAllowed } from '../auth/auditor-allowed.decorator';
import { Roles } from '../auth/roles.decorator';
import { WhatIfBody } from './audit.queries';
import { WhatIfService } from './what-if.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class WhatIfController {
  constructor(private readonly whatIf: WhatIfService) {}

  @Post('what-if')
  @HttpCode(200)
  @Roles('auditor', 'administrator')
  @AuditorAllowed('a read through POST: the scenario is a body; nothing is appended and no read model changes')
  @ApiOperation({ summary: "Read-only: the complaints closed in a period re-run under another SLA policy or calendar; which deadlines and breaches would change" })
  async run(@Body({ schema: WhatIfBody }) body: WhatIfBody) {
    return this.whatIf.run(body);
  }
}
