import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { commandResponse } from '../workflows/command-response';
import {
  ApproveResolutionBody, ClassifyBody, CloseBody, ComplaintIdParam, DraftResolutionBody, NotifyCustomerBody, ReclassifyBody,
  RecordComplaintBody, SendBackBody,
} from './complaints.bodies';
import { ComplaintCommandService, type HttpRequestLike } from './complaint-command.service';

type Json = Record<string, unknown>;

/**
 * Recording and handling a complaint (R-CMP-1/2/3). Roles here are the defaults of the policy;
 * the complaint's own policy copy decides in the domain (a later version may name others).
 */
@ApiTags('complaints')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request returns the first result and writes nothing' })
@Controller('complaints')
export class ComplaintCommandsController {
  constructor(private readonly commands: ComplaintCommandService) {}

  @Post()
  @HttpCode(201)
  @Roles('customer_manager', 'sales_reviewer')
  @ApiOperation({ summary: 'R-CMP-1: record a complaint (客户投诉记录); it keeps the policy version in force now' })
  async record(@Body({ schema: RecordComplaintBody }) body: RecordComplaintBody, @CurrentActor() actor: Actor, @Req() request: HttpRequestLike) {
    const { complaintId, ...data } = body;
    const id = this.commands.complaintIdFor(actor, request, complaintId);
    return commandResponse(id, await this.commands.record(id, data, actor, request));
  }

  @Post(':id/classify')
  @HttpCode(200)
  @Roles('customer_manager', 'sales_reviewer')
  @ApiOperation({ summary: 'R-CMP-3/4: classify general/major/serious; the deadline is computed from receipt on the working-day calendar' })
  classify(@Param('id', { schema: ComplaintIdParam }) id: string, @Body({ schema: ClassifyBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'ClassifyComplaint', body, actor, req);
  }

  @Post(':id/reclassify')
  @HttpCode(200)
  @Roles('customer_manager', 'sales_reviewer')
  @ApiOperation({ summary: 'R-CMP-3: reclassify before a resolution is decided; the deadline is recomputed from the original receipt' })
  reclassify(@Param('id', { schema: ComplaintIdParam }) id: string, @Body({ schema: ReclassifyBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'ReclassifyComplaint', body, actor, req);
  }

  @Post(':id/resolution')
  @HttpCode(200)
  @Roles('customer_manager', 'sales_reviewer')
  @ApiOperation({ summary: 'R-CMP-2: the department drafts a resolution (general and major complaints)' })
  draft(@Param('id', { schema: ComplaintIdParam }) id: string, @Body({ schema: DraftResolutionBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'DraftResolution', body, actor, req);
  }

  @Post(':id/resolution/approve')
  @HttpCode(200)
  @Roles('supervisor', 'general_manager')
  @ApiOperation({ summary: 'R-CMP-2: a leader approves the draft (CMP-SELF: not the drafter or named handler)' })
  approve(@Param('id', { schema: ComplaintIdParam }) id: string, @Body({ schema: ApproveResolutionBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'ApproveResolution', body, actor, req);
  }

  @Post(':id/resolution/send-back')
  @HttpCode(200)
  @Roles('supervisor', 'general_manager')
  @ApiOperation({ summary: 'R-CMP-2: a leader sends the draft back with a reason' })
  sendBack(@Param('id', { schema: ComplaintIdParam }) id: string, @Body({ schema: SendBackBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'SendBackResolution', body, actor, req);
  }

  @Post(':id/notify-customer')
  @HttpCode(200)
  @Roles('customer_manager', 'sales_reviewer')
  @ApiOperation({ summary: 'R-CMP-2: tell the customer the decided resolution; stops the SLA clock' })
  notify(@Param('id', { schema: ComplaintIdParam }) id: string, @Body({ schema: NotifyCustomerBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'NotifyCustomer', body, actor, req);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('customer_manager', 'sales_reviewer')
  @ApiOperation({ summary: 'R-CMP-1: close with the record complete (resolution, handler, department, notes, breached or not)' })
  close(@Param('id', { schema: ComplaintIdParam }) id: string, @Body({ schema: CloseBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(id, 'CloseComplaint', body, actor, req);
  }

  private async run(id: string, type: Parameters<ComplaintCommandService['send']>[1], body: Json, actor: Actor, request: HttpRequestLike) {
    return commandResponse(id, await this.commands.send(id, type, body, actor, request));
  }
}
