import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner, ReadModelDb } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UserDirectory } from '../auth/user-directory';
import { isManagerScoped } from '../customers/customer-access';
import { CUSTOMERS_TABLE } from '../customers/read-models/customers.projection';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { NamesQuery } from './names.bodies';

export interface PersonName { name: string; roles: string[] }
export interface CustomerName { name: string; creditCode: string | null }

/**
 * What a screen needs to name the people and companies its records carry as ids (issue 16:
 * 王经理（客户经理）, a company by name and credit code). Every signed-in role may ask; a customer
 * manager is told the names of their own customers only (R-KAM-2), an unknown id is left out.
 */
@ApiTags('names')
@ApiBearerAuth()
@Controller('names')
export class NamesController {
  constructor(
    private readonly users: UserDirectory,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Names for ids: people (?people=a,b: name and roles) and companies (?customers=c,d: name and credit code; a customer manager only their own, R-KAM-2)' })
  async names(@Query({ schema: NamesQuery }) query: NamesQuery, @CurrentActor() actor: Actor) {
    return { people: await this.people(query.people ?? []), customers: await this.customers(query.customers ?? [], actor, query.minPosition) };
  }

  private async people(ids: string[]): Promise<Record<string, PersonName>> {
    const people: Record<string, PersonName> = {};
    for (const id of new Set(ids)) {
      const user = await this.users.current(id);
      // the demo users carry their role in English after the name ('王经理 (customer manager)'): the console names roles itself
      if (user) people[id] = { name: user.name.replace(/\s*\([^)]*\)\s*$/, '') || user.name, roles: user.roles };
    }
    return people;
  }

  private async customers(ids: string[], actor: Actor, minPosition: number | undefined): Promise<Record<string, CustomerName>> {
    if (ids.length === 0) return {};
    await waitForProjections(this.runner, ['customers'], minPosition);
    let q = this.readModels.db.selectFrom(CUSTOMERS_TABLE).select(['customer_id', 'name', 'identifiers', 'customer_manager_id']).where('customer_id', 'in', [...new Set(ids)]);
    if (isManagerScoped(actor)) q = q.where('customer_manager_id', '=', actor.id);
    const customers: Record<string, CustomerName> = {};
    for (const row of (await q.execute()) as Array<Record<string, any>>) {
      const identifiers = JSON.parse(row.identifiers) as Record<string, string>;
      customers[row.customer_id] = { name: row.name, creditCode: identifiers.unifiedSocialCreditCode ?? null };
    }
    return customers;
  }
}
