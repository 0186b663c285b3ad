import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RelationshipRule, surveyWorkflow } from '@crm/relationship';
import { type Actor, DomainRuleViolation } from '@crm/workflow-kit';
import { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { commandResponse } from '../workflows/command-response';
import {
  ApproveImprovementPlanBody, ImprovementPlanBody, OpenSurveyBody, ReturnImprovementPlanBody, ReviewSurveyReportBody, SurveyReportBody, SurveyResponseBody, YearParam,
} from './relationship.bodies';
import { RelationshipCommands, type HttpRequestLike } from './relationship-command.service';
import { RelationshipFacts } from './relationship-facts.service';
import { RelationshipReads } from './relationship-read.service';
import { surveySheet } from './survey.sheet';
import { SheetQuery } from '../spreadsheets/sheet-format';
import { SpreadsheetDownload } from '../spreadsheets/spreadsheet-download';

const SurveyQuery = z.strictObject({ ...SheetQuery });

/** R-SURV-1: the yearly satisfaction survey, its report and the service-improvement plan. */
@ApiTags('relationship')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried request returns the first result and writes nothing' })
@Controller('satisfaction-surveys')
export class SurveysController {
  constructor(
    private readonly commands: RelationshipCommands,
    private readonly facts: RelationshipFacts,
    private readonly reads: RelationshipReads,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: 'R-SURV-1: open the year\'s survey campaign with its questionnaire (questions and scales; default: product quality, service quality, company image 0–100); one a year: a second is 422 R-SURV-1, a racing one 409' })
  async open(@Body({ schema: OpenSurveyBody }) body: { year: number; title: string }, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    const id = String(body.year);
    // the year's stream is the fence (a racing second one is 409); this read puts the common case
    // in the rule's words, except for a retry of the very request that opened it, which replays
    if (await this.facts.openedByOtherRequest(surveyWorkflow, id, actor, req.headers['idempotency-key'])) {
      throw new DomainRuleViolation(RelationshipRule.survey, `the ${body.year} satisfaction survey already exists: one campaign a year`, 'year');
    }
    return commandResponse(id, await this.commands.send(surveyWorkflow, id, 'OpenSurveyCampaign', body, actor, req));
  }

  @Post(':year/responses')
  @HttpCode(200)
  @Roles('customer_manager', 'sales_reviewer')
  @ApiOperation({ summary: 'R-SURV-1: record a customer\'s answers to the questionnaire by question id (a score, or an option\'s label); channel: phone, mail, fax, face_to_face' })
  async respond(@Param('year', { schema: YearParam }) year: number, @Body({ schema: SurveyResponseBody }) body: { customerId: string }, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(year, 'RecordSurveyResponse', body, actor, req);
  }

  @Post(':year/report')
  @HttpCode(200)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: 'R-SURV-1: issue the survey report to the company\'s leadership for review; its figures are computed from the responses and stored with it' })
  report(@Param('year', { schema: YearParam }) year: number, @Body({ schema: SurveyReportBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(year, 'IssueSurveyReport', body, actor, req);
  }

  @Post(':year/report/review')
  @HttpCode(200)
  @Roles('general_manager')
  @ApiOperation({ summary: 'R-SURV-1 (提交公司领导审阅): the general manager has reviewed the report, with remarks for the improvement plan' })
  review(@Param('year', { schema: YearParam }) year: number, @Body({ schema: ReviewSurveyReportBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(year, 'ReviewSurveyReport', body, actor, req);
  }

  @Post(':year/improvement-plan')
  @HttpCode(200)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: 'R-SURV-1: once the report is reviewed, submit the service-improvement plan to the leadership (notifies the general manager)' })
  plan(@Param('year', { schema: YearParam }) year: number, @Body({ schema: ImprovementPlanBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(year, 'SubmitImprovementPlan', body, actor, req);
  }

  @Post(':year/improvement-plan/approve')
  @HttpCode(200)
  @Roles('general_manager')
  @ApiOperation({ summary: 'R-SURV-1: the general manager approves the improvement plan' })
  approve(@Param('year', { schema: YearParam }) year: number, @Body({ schema: ApproveImprovementPlanBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(year, 'ApproveImprovementPlan', body, actor, req);
  }

  @Post(':year/improvement-plan/return')
  @HttpCode(200)
  @Roles('general_manager')
  @ApiOperation({ summary: 'R-SURV-1: the general manager sends the improvement plan back with a reason' })
  sendBack(@Param('year', { schema: YearParam }) year: number, @Body({ schema: ReturnImprovementPlanBody }) body: object, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.run(year, 'ReturnImprovementPlan', body, actor, req);
  }

  @Get(':year')
  @Roles('sales_reviewer', 'supervisor', 'general_manager', 'auditor')
  @SpreadsheetDownload(surveySheet)
  @ApiOperation({ summary: 'R-SURV-1: the year\'s survey from its stream — state, responses by channel, the report with its stored figures, the improvement plan (?format=csv|xlsx: the responses and the report\'s figures)' })
  get(@Param('year', { schema: YearParam }) year: number, @Query({ schema: SurveyQuery }) _query: object) {
    return this.reads.survey(year);
  }

  private async run(year: number, type: string, body: object, actor: Actor, req: HttpRequestLike) {
    const id = String(year);
    return commandResponse(id, await this.commands.send(surveyWorkflow, id, type, body, actor, req));
  }
}
