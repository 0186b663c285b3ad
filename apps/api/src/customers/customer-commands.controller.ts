import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CustomerCommandService, type HttpRequestLike } from './customer-command.service';
import { IdentityChangeService } from './identity-change.service';
import { randomUUID } from 'node:crypto';
import { uuidV5 } from '@crm/engine';
import {
  AddDocumentBody, AgencyLicenceBody, ApproveBody, ChangeBody, IdentityChangeBody, IdentityDecisionBody, IdentityRejectBody, CorrectBody, EvaluationBody, PathId, PickupBody, ProposeBody, RejectBody, RenewBody,
  SalesPlanBody, VoidBody,
} from './customers.bodies';

const KEEPERS = ['customer_manager', 'sales_reviewer'] as const;
const RECORDERS = ['customer_manager', 'sales_reviewer', 'administrator'] as const;

/** Commands on one customer's archive stream; the workflow's own permissions are checked again inside. */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers/:id')
export class CustomerCommandsController {
  constructor(
    private readonly commands: CustomerCommandService,
    private readonly identity: IdentityChangeService,
  ) {}

  @Post('identity-changes')
  @HttpCode(200)
  @Roles(...KEEPERS)
  @ApiOperation({ summary: 'R-ARC-1: request a change of the company name and/or credit code (更名, 统一社会信用代码变更), approved by the sales department' })
  requestIdentityChange(@Param('id', { schema: PathId }) id: string, @Body({ schema: IdentityChangeBody }) body: IdentityChangeBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    // a retry with the same Idempotency-Key names the same request
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    const requestId = body.requestId ?? (key ? `idc-${uuidV5(`idc:${actor.id}:${key}`)}` : `idc-${randomUUID()}`);
    return this.commands.run(id, 'RequestIdentityChange', { ...body, requestId }, actor, req);
  }

  @Post('identity-changes/:requestId/approve')
  @HttpCode(200)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: 'R-ARC-1: the sales department approves an identity change; a new company key is reserved first (ONB-DUPLICATE)' })
  approveIdentityChange(
    @Param('id', { schema: PathId }) id: string, @Param('requestId', { schema: PathId }) requestId: string,
    @Body({ schema: IdentityDecisionBody }) body: IdentityDecisionBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike,
  ) {
    return this.identity.approve(id, { ...body, requestId }, actor, req);
  }

  @Post('identity-changes/:requestId/reject')
  @HttpCode(200)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: 'R-ARC-1: the sales department rejects an identity change (the requester is told)' })
  rejectIdentityChange(
    @Param('id', { schema: PathId }) id: string, @Param('requestId', { schema: PathId }) requestId: string,
    @Body({ schema: IdentityRejectBody }) body: IdentityRejectBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike,
  ) {
    return this.identity.reject(id, { ...body, requestId }, actor, req);
  }

  @Post('documents')
  @HttpCode(200)
  @Roles(...KEEPERS)
  @ApiOperation({ summary: 'R-ARC-1/R-ARC-4: add a qualification document to the archive, with its scan (ADR 0018)' })
  addDocument(@Param('id', { schema: PathId }) id: string, @Body({ schema: AddDocumentBody }) body: AddDocumentBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.commands.run(id, 'AddQualificationDocument', body, actor, req);
  }

  @Post('changes')
  @HttpCode(200)
  @Roles(...KEEPERS)
  @ApiOperation({ summary: 'R-ARC-1/2: record a change of customer information (notifies finance and plant offices)' })
  change(@Param('id', { schema: PathId }) id: string, @Body({ schema: ChangeBody }) body: ChangeBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.commands.run(id, 'ChangeCustomerInformation', body, actor, req);
  }

  @Post('documents/:documentId/renew')
  @HttpCode(200)
  @Roles(...KEEPERS)
  @ApiOperation({ summary: 'R-ARC-4/R-EVAL-1: file a renewed qualification document (lifts a suspension when none stays expired)' })
  renew(
    @Param('id', { schema: PathId }) id: string,
    @Param('documentId', { schema: PathId }) documentId: string,
    @Body({ schema: RenewBody }) body: RenewBody,
    @CurrentActor() actor: Actor,
    @Req() req: HttpRequestLike,
  ) {
    return this.commands.run(id, 'RenewQualificationDocument', { documentId, ...body }, actor, req);
  }

  @Post('pickups')
  @HttpCode(200)
  @Roles(...RECORDERS)
  @ApiOperation({ summary: 'R-TIER-2: record one pickup (refused with R-EVAL-1 while suspended)' })
  pickup(@Param('id', { schema: PathId }) id: string, @Body({ schema: PickupBody }) body: PickupBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.commands.run(id, 'RecordPickup', body, actor, req);
  }

  @Post('pickups/:pickupId/correct')
  @HttpCode(200)
  @Roles(...RECORDERS)
  @ApiOperation({ summary: 'Correct a pickup tonnage (re-runs an evaluated month; never rewrites history)' })
  correct(
    @Param('id', { schema: PathId }) id: string,
    @Param('pickupId', { schema: PathId }) pickupId: string,
    @Body({ schema: CorrectBody }) body: CorrectBody,
    @CurrentActor() actor: Actor,
    @Req() req: HttpRequestLike,
  ) {
    return this.commands.run(id, 'CorrectPickup', { pickupId, ...body }, actor, req);
  }

  @Post('pickups/:pickupId/void')
  @HttpCode(200)
  @Roles(...RECORDERS)
  @ApiOperation({ summary: 'Void a pickup (re-runs an evaluated month)' })
  void(
    @Param('id', { schema: PathId }) id: string,
    @Param('pickupId', { schema: PathId }) pickupId: string,
    @Body({ schema: VoidBody }) body: VoidBody,
    @CurrentActor() actor: Actor,
    @Req() req: HttpRequestLike,
  ) {
    return this.commands.run(id, 'VoidPickup', { pickupId, ...body }, actor, req);
  }

  @Post('evaluations')
  @HttpCode(200)
  @Roles('sales_reviewer', 'administrator')
  @ApiOperation({ summary: 'R-TIER-4: evaluate a finished month on demand (an administrator runs it as the scheduler would)' })
  evaluate(@Param('id', { schema: PathId }) id: string, @Body({ schema: EvaluationBody }) body: EvaluationBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    // the domain lets the sales department and the scheduler evaluate; an administrator triggers the scheduler's job
    const issuer = actor.roles.includes('sales_reviewer') ? actor : { ...actor, system: true };
    return this.commands.run(id, 'EvaluateMonth', body, issuer, req);
  }

  @Post('sales-plans')
  @HttpCode(200)
  @Roles(...KEEPERS)
  @ApiOperation({ summary: "R-TIER-7: file an exclusive agent's sales plan for next month" })
  salesPlan(@Param('id', { schema: PathId }) id: string, @Body({ schema: SalesPlanBody }) body: SalesPlanBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.commands.run(id, 'FileSalesPlan', body, actor, req);
  }

  @Post('agency-licences')
  @HttpCode(200)
  @Roles('sales_reviewer', 'general_manager')
  @ApiOperation({ summary: "R-TIER-7: issue the year's exclusive agency licence" })
  licence(@Param('id', { schema: PathId }) id: string, @Body({ schema: AgencyLicenceBody }) body: AgencyLicenceBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.commands.run(id, 'IssueAgencyLicence', body, actor, req);
  }

  @Post('disqualification')
  @HttpCode(200)
  @Roles('customer_manager', 'sales_reviewer', 'supervisor')
  @ApiOperation({ summary: 'R-EVAL-3: propose disqualification with a reason and evidence' })
  propose(@Param('id', { schema: PathId }) id: string, @Body({ schema: ProposeBody }) body: ProposeBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.commands.run(id, 'ProposeDisqualification', body, actor, req);
  }

  @Post('disqualification/approve')
  @HttpCode(200)
  @Roles('general_manager')
  @ApiOperation({ summary: 'R-EVAL-3: the general manager approves; final, every later business command is refused' })
  approve(@Param('id', { schema: PathId }) id: string, @Body({ schema: ApproveBody }) body: ApproveBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.commands.run(id, 'ApproveDisqualification', body, actor, req);
  }

  @Post('disqualification/reject')
  @HttpCode(200)
  @Roles('general_manager')
  @ApiOperation({ summary: 'R-EVAL-3: the general manager rejects the proposal' })
  reject(@Param('id', { schema: PathId }) id: string, @Body({ schema: RejectBody }) body: RejectBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.commands.run(id, 'RejectDisqualification', body, actor, req);
  }
}
