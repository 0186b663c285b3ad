import type { IncomingMessage } from 'node:http';
import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner, ReadModelDb } from '@crm/engine';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import type { Invoicing } from '@crm/customers';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { CustomerCommandService, type HttpRequestLike } from './customer-command.service';
import { importTableOf } from './import-file';
import { importRefused } from './import-refused';
import { CUSTOMERS_TABLE } from './read-models/customers.projection';
import { importReceipts, type ReceiptCustomer } from './receipt-import';

/** The customers table's columns a payer is matched on; `invoicing` is the archive's 开票资料 as JSON. */
interface PayerRow {
  customer_id: string;
  name: string;
  invoicing: string;
  product_line: string;
}

@ApiTags('customers')
@ApiBearerAuth()
@Controller('receipts')
export class ReceiptImportController {
  constructor(
    private readonly commands: CustomerCommandService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Post('import')
  @HttpCode(200)
  @Roles('finance_reviewer')
  @ApiOperation({
    summary: "R-PRIN-4: finance imports the bank statement (CSV, or .xlsx as the pickup import takes it: 交易流水号, 交易日期, 对方户名, 对方账号, 贷方金额, 摘要); each credit is a receipt on the customer paying from that account (or of that name); any unmatched or refused row → 400 listing every row, nothing recorded; the same statement twice records nothing new",
  })
  async import(@Req() req: HttpRequestLike & IncomingMessage & { body: unknown }, @CurrentActor() actor: Actor) {
    const report = await importReceipts(await importTableOf(req), {
      store: this.store,
      customers: () => this.customers(),
      actor,
      now: this.clock.now().toISOString(),
      // one request writes many receipts: a client's idempotency key would name them all; the transaction id keeps each once
      execute: (customerId, command) => this.commands.execute(customerId, command.type, command.data, actor, withoutIdempotencyKey(req)),
    });
    if (!report.ok) {
      const outcome = report.stage === 'write' ? `import stopped after ${report.recorded} recorded receipts; re-run the same file to complete it` : 'the statement has errors; nothing was recorded';
      throw importRefused(report, outcome);
    }
    return report;
  }

  private async customers(): Promise<ReceiptCustomer[]> {
    await waitForProjections(this.runner, [CUSTOMERS_TABLE], await this.store.headPosition());
    const rows: PayerRow[] = await this.readModels.db.selectFrom(CUSTOMERS_TABLE).select(['customer_id', 'name', 'invoicing', 'product_line']).execute();
    return rows.map((r) => ({
      customerId: r.customer_id, name: r.name, productLine: r.product_line,
      accountNumber: (JSON.parse(r.invoicing) as Partial<Invoicing>).accountNumber ?? null,
    }));
  }
}

function withoutIdempotencyKey(req: HttpRequestLike): HttpRequestLike {
  const headers = { ...req.headers };
  delete headers['idempotency-key'];
  return { id: req.id, headers };
}
