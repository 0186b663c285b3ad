import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { PROJECTION_RUNNER } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { commandResponse } from '../workflows/command-response';
import type { HttpRequestLike } from './complaint-command.service';
import { ConsultationService } from './consultation.service';
import { AnswerConsultationBody, ConsultationIdParam, ConsultationsQuery, RecordConsultationBody } from './consultations.bodies';
import { CONSULTATIONS_PROJECTION } from './consultations.projection';

/** Who reads enquiries: as complaints, the department, its leaders and auditors; a customer manager only their own customers' (R-KAM-2). */
const READERS = ['customer_manager', 'sales_reviewer', 'supervisor', 'general_manager', 'auditor'] as const;

/** Customer enquiries (客户咨询, 第四条(六)): recorded and answered by the department within the general complaint's deadline (R-CMP-5, R-CNS-1). */
@ApiTags('consultations')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request returns the first result and writes nothing' })
@Controller('consultations')
export class ConsultationsController {
  constructor(
    private readonly consultations: ConsultationService,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('customer_manager', 'sales_reviewer')
  @ApiOperation({ summary: 'R-CMP-5: record a customer enquiry (记录客户咨询); R-CNS-1: due on the general complaint\'s working-day clock from receipt' })
  async record(@Body({ schema: RecordConsultationBody }) body: RecordConsultationBody, @CurrentActor() actor: Actor, @Req() request: HttpRequestLike) {
    const { consultationId, ...data } = body;
    const id = this.consultations.idFor(actor, request, consultationId);
    return commandResponse(id, await this.consultations.record(id, data, actor, request));
  }

  @Post(':id/answer')
  @HttpCode(200)
  @Roles('customer_manager', 'sales_reviewer')
  @ApiOperation({ summary: 'R-CMP-5: answer the customer (处理客户咨询); stops the clock; a late answer records the breach first (R-CNS-1)' })
  async answer(@Param('id', { schema: ConsultationIdParam }) id: string, @Body({ schema: AnswerConsultationBody }) body: object, @CurrentActor() actor: Actor, @Req() request: HttpRequestLike) {
    return commandResponse(id, await this.consultations.answer(id, body, actor, request));
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Customer enquiries, newest receipt first; filters: customer, status, breached' })
  async list(@Query({ schema: ConsultationsQuery }) query: ConsultationsQuery, @CurrentActor() actor: Actor) {
    await waitForProjections(this.runner, [CONSULTATIONS_PROJECTION], query.minPosition);
    return this.consultations.list(query, actor);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One enquiry from its stream: the record, the answer, the R-CNS-1 deadline with its calendar explanation and breaches' })
  get(@Param('id', { schema: ConsultationIdParam }) id: string, @CurrentActor() actor: Actor) {
    return this.consultations.get(id, actor);
  }
}
