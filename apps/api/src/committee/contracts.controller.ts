import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApproveContract, type ContractContext, contractWorkflow, DraftContract, SignContract, TerminateContract } from '@crm/commerce';
import type { ProjectionRunner, ReadModelDb, WorkflowEngine } from '@crm/engine';
import { type Actor, WorkflowNotFound } from '@crm/workflow-kit';
import { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CustomerAccess, ownCustomersOnly } from '../customers/customer-access';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { MinPosition, waitForProjections } from '../read-models/read-your-writes';
import { commandResponse } from '../workflows/command-response';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import { Id } from './committee.bodies';
import { CommitteeCommands, type HttpRequestLike } from './committee-commands.service';
import { CONTRACTS_PROJECTION, CONTRACTS_TABLE } from './contracts.projection';

const DraftBody = z.strictObject({ ...DraftContract.shape, contractId: Id.optional() }).refine((c) => c.validFrom <= c.validUntil, { message: 'R-ARC-5: a contract ends after it starts', path: ['validUntil'] });
const ListQuery = z.strictObject({ customerId: Id.optional(), status: z.string().max(20).optional(), minPosition: MinPosition });
const READERS = ['customer_manager', 'sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor', 'auditor'] as const;

/** 篇4 第四条(三) 组织与客户签订销售合同,并保管合同文本 (R-ARC-5). */
@ApiTags('commerce')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request returns the first result and writes nothing' })
@Controller('contracts')
export class ContractsController {
  constructor(
    private readonly commands: CommitteeCommands,
    private readonly access: CustomerAccess,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: 'R-ARC-5: the sales department drafts a contract with a customer for a product line and a term' })
  async draft(@Body({ schema: DraftBody }) body: z.infer<typeof DraftBody>, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    const id = this.commands.idFor('sc', actor, req, body.contractId);
    return commandResponse(id, await this.commands.send(contractWorkflow, id, 'DraftContract', { ...body, contractId: id }, actor, req));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('supervisor', 'general_manager')
  @ApiOperation({ summary: 'R-ARC-5: a leader approves the draft (never its drafter)' })
  async approve(@Param('id', { schema: Id }) id: string, @Body({ schema: ApproveContract.strict() }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(id, await this.commands.send(contractWorkflow, id, 'ApproveContract', body, actor, req));
  }

  @Post(':id/sign')
  @HttpCode(200)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: 'R-ARC-5: signed with the customer; in force for its term, warned before and expired after its last day' })
  async sign(@Param('id', { schema: Id }) id: string, @Body({ schema: SignContract.strict() }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(id, await this.commands.send(contractWorkflow, id, 'SignContract', body, actor, req));
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @Roles('sales_reviewer', 'general_manager')
  @ApiOperation({ summary: 'R-ARC-5: end a contract before its term, with the reason' })
  async terminate(@Param('id', { schema: Id }) id: string, @Body({ schema: TerminateContract.strict() }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return commandResponse(id, await this.commands.send(contractWorkflow, id, 'TerminateContract', body, actor, req));
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'R-ARC-5: contracts by customer and standing (a customer manager sees their own customers\', R-KAM-2)' })
  async list(@Query({ schema: ListQuery }) query: z.infer<typeof ListQuery>, @CurrentActor() actor: Actor) {
    await waitForProjections(this.runner, [CONTRACTS_PROJECTION], query.minPosition);
    let q = ownCustomersOnly(this.readModels.db.selectFrom(CONTRACTS_TABLE).selectAll(), actor, 'customer_id');
    if (query.customerId) q = q.where('customer_id', '=', query.customerId);
    if (query.status) q = q.where('status', '=', query.status);
    return { items: await q.orderBy('valid_from', 'desc').orderBy('contract_id').execute() };
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One contract from its stream: parties, term, approvals, signature, standing' })
  async get(@Param('id', { schema: Id }) id: string, @CurrentActor() actor: Actor) {
    const { state, streamId, events } = await this.engine.load(contractWorkflow, id);
    if (events.length === 0) throw new WorkflowNotFound(streamId);
    await this.access.assertMayRead(actor, (state.context as ContractContext).customerId);
    return { id, streamId, state: state.state, ...(state.context as object) };
  }
}
