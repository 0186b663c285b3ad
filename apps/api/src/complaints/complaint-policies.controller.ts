import { Body, Controller, Get, HttpCode, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ComplaintPolicy } from '@crm/complaints';
import { type ProposalServices, proposalWorkflow } from '@crm/committee';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CommitteeCommands, type HttpRequestLike } from '../committee/committee-commands.service';
import { CommitteeFacts } from '../committee/committee-facts.service';
import { commandResponse } from '../workflows/command-response';
import { PolicyBody } from './complaints.bodies';
import { ComplaintPolicyService } from './complaint-policy.service';

/** The complaint policy as versioned data: new complaints get the current version, open ones keep theirs. */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaint-policies')
export class ComplaintPoliciesController {
  constructor(
    private readonly policies: ComplaintPolicyService,
    private readonly commands: CommitteeCommands,
    private readonly facts: CommitteeFacts,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every policy version ever in force, oldest first (the shipped default first)' })
  async list() {
    return { items: await this.policies.versions() };
  }

  @Get('current')
  @ApiOperation({ summary: 'The policy a complaint recorded now would get' })
  current() {
    return this.policies.current();
  }

  /**
   * R-PRICE-1 审议公司客户管理方案和机制: a new version goes before the price and customer
   * committee; its approval publishes it (ComplaintPolicyPublished), for complaints recorded from then on.
   */
  @Put('current')
  @HttpCode(202)
  @Roles('administrator', 'sales_reviewer', 'general_manager')
  @ApiOperation({ summary: 'R-PRICE-1: propose a new policy version to the committee; it is published when the committee approves it (the members vote at /committee/proposals/{id}/votes)' })
  async propose(@Body({ schema: PolicyBody }) body: ComplaintPolicy, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    const id = this.commands.idFor('policy', actor, req);
    const checked = await this.policies.check(body as unknown as Record<string, unknown>);
    const services: ProposalServices = { charter: await this.facts.charter(), isDesignated: () => false, priceFenAt: () => null, checkPolicy: () => checked };
    const data = { proposalId: id, kind: 'complaint-sla', content: body, reason: `客户投诉处理方案 ${body.version}` };
    const result = await this.commands.send(proposalWorkflow, id, 'SubmitPolicyProposal', data, actor, req, services);
    return { ...commandResponse(id, result), proposalId: id, version: body.version, effective: false };
  }
}
