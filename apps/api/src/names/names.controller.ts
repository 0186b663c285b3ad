import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner, ReadModelDb } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UserDirectory } from '../auth/user-directory';
import { isManagerScoped } from '../customers/customer-access';
import { type CompanyName, companyNames } from '../customers/read-models/customer-names';
import { displayNameOf } from '../auth/display-name';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { NamesQuery } from './names.bodies';

export interface PersonName { name: string; roles: string[] }

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
      if (user) people[id] = { name: displayNameOf(user.name), roles: user.roles };
    }
    return people;
  }

  private async customers(ids: string[], actor: Actor, minPosition: number | undefined): Promise<Record<string, CompanyName>> {
    if (ids.length === 0) return {};
    await waitForProjections(this.runner, ['customers'], minPosition);
    return Object.fromEntries(await companyNames(this.readModels, ids, isManagerScoped(actor) ? actor.id : undefined));
  }
}
