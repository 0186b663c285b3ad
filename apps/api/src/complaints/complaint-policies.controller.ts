import { Body, Controller, Get, HttpCode, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ComplaintPolicy } from '@crm/complaints';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { PolicyBody } from './complaints.bodies';
import { ComplaintPolicyService } from './complaint-policy.service';

/** The complaint policy as versioned data: new complaints get the current version, open ones keep theirs. */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaint-policies')
export class ComplaintPoliciesController {
  constructor(
    private readonly policies: ComplaintPolicyService,
    @Inject(CLOCK) private readonly clock: Clock,
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

  @Put('current')
  @HttpCode(200)
  @Roles('administrator')
  @ApiOperation({ summary: 'Publish a new policy version (recorded as ComplaintPolicyPublished); applies to complaints recorded from now on' })
  publish(@Body({ schema: PolicyBody }) body: ComplaintPolicy, @CurrentActor() actor: Actor) {
    return this.policies.publish(body, actor, this.clock.now());
  }
}
