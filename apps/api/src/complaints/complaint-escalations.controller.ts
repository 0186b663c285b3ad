import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { commandResponse } from '../workflows/command-response';
import { ApproveExtensionBody, ComplaintIdParam, RejectExtensionBody, RequestExtensionBody, SpecialMeetingBody } from './complaints.bodies';
import { ComplaintCommandService, type HttpRequestLike, type PersonCommand } from './complaint-command.service';

type Json = Record<string, unknown>;

/** Extensions up the chain of leaders (R-CMP-3, 7 working days at most) and the special meeting (R-CMP-2). */
@ApiTags('complaints')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request returns the first result and writes nothing' })
@Controller('complaints/:id')
export class ComplaintEscalationsController {
  constructor(private readonly commands: ComplaintCommandService) {}

  @Post('extensions')
  @HttpCode(200)
  @Roles('customer_manager', 'sales_reviewer')
  @ApiOperation({ summary: 'R-CMP-3: request more working days for a major or serious complaint; refused (422 R-CMP-3) for a general complaint (ADR 0026) and beyond 7 working days from receipt' })
  request(@Param('id', { schema: ComplaintIdParam }) id: string, @Body({ schema: RequestExtensionBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'RequestExtension', body, actor, req);
  }

  @Post('extensions/approve')
  @HttpCode(200)
  @Roles('supervisor', 'general_manager')
  @ApiOperation({ summary: 'R-CMP-3: the next leader of the chain approves; the last approval grants the new deadline' })
  approve(@Param('id', { schema: ComplaintIdParam }) id: string, @Body({ schema: ApproveExtensionBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'ApproveExtension', body, actor, req);
  }

  @Post('extensions/reject')
  @HttpCode(200)
  @Roles('supervisor', 'general_manager')
  @ApiOperation({ summary: 'R-CMP-3: a leader of the chain rejects the pending request' })
  reject(@Param('id', { schema: ComplaintIdParam }) id: string, @Body({ schema: RejectExtensionBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'RejectExtension', body, actor, req);
  }

  @Post('special-meeting')
  @HttpCode(200)
  @Roles('general_manager')
  @ApiOperation({ summary: 'R-CMP-2: the general manager records the special meeting (decision, minutes, attendees) of a serious complaint' })
  meeting(@Param('id', { schema: ComplaintIdParam }) id: string, @Body({ schema: SpecialMeetingBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'RecordSpecialMeetingDecision', body, actor, req);
  }

  private async run(id: string, type: PersonCommand, body: Json, actor: Actor, request: HttpRequestLike) {
    return commandResponse(id, await this.commands.send(id, type, body, actor, request));
  }
}
