import { Body, Controller, Get, HttpCode, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CHARTER_ID, charterWorkflow, type CommitteeCharter } from '@crm/committee';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { commandResponse } from '../workflows/command-response';
import { CharterBody } from './committee.bodies';
import { CommitteeCommands, type HttpRequestLike } from './committee-commands.service';
import { CommitteeFacts } from './committee-facts.service';

@ApiTags('committee')
@ApiBearerAuth()
@Controller('committee/charter')
export class CharterController {
  constructor(
    private readonly commands: CommitteeCommands,
    private readonly facts: CommitteeFacts,
  ) {}

  @Get()
  @ApiOperation({ summary: '篇5 价格与客户管理委员会: the charter in force (members, chair, quorum, rule, authority bound)' })
  async current() {
    return { charter: await this.facts.charter() };
  }

  @Put()
  @HttpCode(200)
  @Roles('administrator')
  @ApiOperation({ summary: 'Publish a new charter version; proposals already submitted keep the one they copied' })
  async publish(@Body({ schema: CharterBody }) body: CommitteeCharter, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(CHARTER_ID, await this.commands.send(charterWorkflow, CHARTER_ID, 'PublishCommitteeCharter', body, actor, req));
  }
}
