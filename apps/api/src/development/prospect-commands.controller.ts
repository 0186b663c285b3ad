import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { commandResponse } from '../workflows/command-response';
import { ConvertProspectBody, DevIdParam, DropProspectBody, RegisterProspectBody, UpdateProspectBody } from './development.bodies';
import { DevelopmentCommandService, type HttpRequestLike } from './development-command.service';

type Json = Record<string, unknown>;

/** R-DEV-1: customer managers keep prospect archives (目标客户档案) of their region. */
@ApiTags('customer development')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request returns the first result and writes nothing' })
@Controller('prospects')
export class ProspectCommandsController {
  constructor(private readonly commands: DevelopmentCommandService) {}

  @Post()
  @HttpCode(201)
  @Roles('customer_manager')
  @ApiOperation({ summary: 'R-DEV-1: register a prospect (company, identifiers if known, region, products, estimated volume, source); the registering manager keeps it' })
  async register(@Body({ schema: RegisterProspectBody }) body: RegisterProspectBody, @CurrentActor() actor: Actor, @Req() request: HttpRequestLike) {
    const id = this.commands.idFor('prs', actor, request, body.prospectId);
    return commandResponse(id, await this.commands.prospect(id, 'RegisterProspect', { ...body, prospectId: id }, actor, request));
  }

  @Post(':id/update')
  @HttpCode(200)
  @Roles('customer_manager')
  @ApiOperation({ summary: 'R-DEV-1: change the archive; the event keeps each changed field before and after, and the reason' })
  async update(@Param('id', { schema: DevIdParam }) id: string, @Body({ schema: UpdateProspectBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(id, await this.commands.prospect(id, 'UpdateProspect', body, actor, req));
  }

  @Post(':id/convert')
  @HttpCode(200)
  @Roles('customer_manager', 'sales_reviewer')
  @ApiOperation({ summary: 'R-DEV-1: converted: an onboarding application was opened for the prospect (linked by its id, which must exist)' })
  async convert(@Param('id', { schema: DevIdParam }) id: string, @Body({ schema: ConvertProspectBody }) body: { applicationId: string }, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(id, await this.commands.convert(id, body.applicationId, actor, req));
  }

  @Post(':id/drop')
  @HttpCode(200)
  @Roles('customer_manager', 'sales_reviewer')
  @ApiOperation({ summary: 'R-DEV-1: give the prospect up, with the reason' })
  async drop(@Param('id', { schema: DevIdParam }) id: string, @Body({ schema: DropProspectBody }) body: Json, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(id, await this.commands.prospect(id, 'DropProspect', body, actor, req));
  }
}
