import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CustomerContext, customerWorkflow } from '@crm/customers';
import type { WorkflowEngine } from '@crm/engine';
import { type Actor, WorkflowNotFound } from '@crm/workflow-kit';
import { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { WORKFLOW_ENGINE } from '../workflows/workflow.tokens';
import { SheetQuery } from '../spreadsheets/sheet-format';
import { SpreadsheetDownload } from '../spreadsheets/spreadsheet-download';
import { accountMovements, monthlyStatement } from './account-statement';
import { CustomerAccess } from './customer-access';
import { CustomerCommandService, type HttpRequestLike } from './customer-command.service';
import { PathId, ReceiptBody } from './customers.bodies';
import { statementSheet } from './statement.sheet';

const READERS = ['customer_manager', 'sales_reviewer', 'finance_reviewer', 'general_manager', 'supervisor', 'auditor'] as const;
const MonthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month 'YYYY-MM'");
const StatementQuery = z.strictObject({ ...SheetQuery });

/** R-PRIN-4 款到发货: the prepayment account a customer's pickups draw on, and finance's monthly statement (第五条 结算、开票). */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers/:id')
export class AccountController {
  constructor(
    private readonly commands: CustomerCommandService,
    private readonly access: CustomerAccess,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
  ) {}

  @Post('receipts')
  @HttpCode(200)
  @Roles('finance_reviewer')
  @ApiOperation({ summary: 'R-PRIN-4: finance records a payment received into the product line\'s prepayment account (same receiptId twice: one receipt)' })
  receipt(@Param('id', { schema: PathId }) id: string, @Body({ schema: ReceiptBody }) body: ReceiptBody, @CurrentActor() actor: Actor, @Req() req: HttpRequestLike) {
    return this.commands.run(id, 'RecordReceipt', body, actor, req);
  }

  @Get('account')
  @Roles(...READERS)
  @ApiOperation({ summary: 'R-PRIN-4: the prepayment balance per product line and every movement (receipts, pickups, corrections, voids)' })
  async account(@Param('id', { schema: PathId }) id: string, @CurrentActor() actor: Actor) {
    const { context, events } = await this.load(id, actor);
    return { customerId: id, productLine: context.productLine, balances: context.balances, movements: accountMovements(events) };
  }

  @Get('statements/:month')
  @Roles(...READERS)
  @SpreadsheetDownload(statementSheet)
  @ApiOperation({ summary: '第五条 结算、开票: the month\'s statement (opening, receipts, pickups, closing), as JSON, CSV or xlsx (?format=)' })
  async statement(@Param('id', { schema: PathId }) id: string, @Param('month', { schema: MonthParam }) month: string, @Query({ schema: StatementQuery }) _query: object, @CurrentActor() actor: Actor) {
    const { context, events } = await this.load(id, actor);
    return { customerId: id, name: context.name, invoicing: context.invoicing, ...monthlyStatement(accountMovements(events), month) };
  }

  private async load(id: string, actor: Actor) {
    await this.access.assertMayRead(actor, id);
    const { state, events, streamId } = await this.engine.load(customerWorkflow, id);
    if (events.length === 0) throw new WorkflowNotFound(streamId);
    return { context: state.context as CustomerContext, events };
  }
}
