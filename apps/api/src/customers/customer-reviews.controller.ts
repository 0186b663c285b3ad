import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CustomerCommandService, type HttpRequestLike } from './customer-command.service';
import { ApproveProofBody, GradeReviewBody, PathId, RejectProofBody, RenewalProofBody } from './customers.bodies';

/**
 * The sales department's reviews on a customer's archive (ADR 0023): proposed grade moves
 * (R-TIER-4 与其他指标共同考核) and proofs that a document's renewal is under way (R-EVAL-1).
 */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers/:id')
export class CustomerReviewsController {
  constructor(private readonly commands: CustomerCommandService) {}

  @Post('grade-moves/confirm')
  @HttpCode(200)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: "R-TIER-4: confirm the month's proposed grade move (one step), naming one of the other indicators" })
  confirm(@Param('id', { schema: PathId }) id: string, @Body({ schema: GradeReviewBody }) body: GradeReviewBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.commands.run(id, 'ConfirmGradeMove', body, actor, req);
  }

  @Post('grade-moves/hold')
  @HttpCode(200)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: "R-TIER-4: hold the month's proposed grade move (the grade stays), naming one of the other indicators" })
  hold(@Param('id', { schema: PathId }) id: string, @Body({ schema: GradeReviewBody }) body: GradeReviewBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.commands.run(id, 'HoldGradeMove', body, actor, req);
  }

  @Post('documents/:documentId/renewal-proofs')
  @HttpCode(200)
  @Roles('customer_manager', 'sales_reviewer')
  @ApiOperation({ summary: 'R-EVAL-1: file proof that the renewal is under way (optionally its scan); asks the sales department to postpone suspension' })
  file(
    @Param('id', { schema: PathId }) id: string,
    @Param('documentId', { schema: PathId }) documentId: string,
    @Body({ schema: RenewalProofBody }) body: RenewalProofBody,
    @CurrentActor() actor: Actor,
    @Req() req: HttpRequestLike,
  ) {
    return this.commands.run(id, 'FileRenewalProof', { documentId, ...body }, actor, req);
  }

  @Post('documents/:documentId/renewal-proofs/approve')
  @HttpCode(200)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: 'R-EVAL-1: approve the proof: suspension waits until the end of the expected date (bounded)' })
  approve(
    @Param('id', { schema: PathId }) id: string,
    @Param('documentId', { schema: PathId }) documentId: string,
    @Body({ schema: ApproveProofBody }) body: ApproveProofBody,
    @CurrentActor() actor: Actor,
    @Req() req: HttpRequestLike,
  ) {
    return this.commands.run(id, 'ApproveRenewalProof', { documentId, ...body }, actor, req);
  }

  @Post('documents/:documentId/renewal-proofs/reject')
  @HttpCode(200)
  @Roles('sales_reviewer')
  @ApiOperation({ summary: 'R-EVAL-1: reject the proof; suspension stays on schedule' })
  reject(
    @Param('id', { schema: PathId }) id: string,
    @Param('documentId', { schema: PathId }) documentId: string,
    @Body({ schema: RejectProofBody }) body: RejectProofBody,
    @CurrentActor() actor: Actor,
    @Req() req: HttpRequestLike,
  ) {
    return this.commands.run(id, 'RejectRenewalProof', { documentId, ...body }, actor, req);
  }
}
