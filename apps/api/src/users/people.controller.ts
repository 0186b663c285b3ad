import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectionRunner } from '@crm/engine';
import { PROJECTION_RUNNER } from '../read-models/read-model.tokens';
import { waitForProjections } from '../read-models/read-your-writes';
import { PeopleQuery } from './users.bodies';
import { USERS_PROJECTION } from './users.projection';
import { UsersQueryService } from './users.query';

/**
 * Who can be named for a part (客户经理, 经办人, participants): every signed-in person may look
 * colleagues up by name, as a form's person picker does. Only the name, username and roles of
 * active users are shown; the account's history stays with administrators and auditors (GET /users).
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(
    private readonly queries: UsersQueryService,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Active people by part of their name or username (?q=), optionally holding one role (?role=): the person picker' })
  async search(@Query({ schema: PeopleQuery }) query: PeopleQuery) {
    await waitForProjections(this.runner, [USERS_PROJECTION], query.minPosition);
    return this.queries.people(query);
  }
}
