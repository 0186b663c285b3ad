import { Body, Controller, Get, Inject, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CalendarYear } from '@crm/calendar';
import type { Actor } from '@crm/workflow-kit';
import { DomainRuleViolation } from '@crm/workflow-kit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { Roles } from '../auth/roles.decorator';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { CalendarService } from './calendar.service';
import { CalendarYearBody, DaysQuery, DeadlineQuery, YearParam } from './calendar.queries';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendars: CalendarService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('deadline')
  @Public()
  @ApiOperation({ summary: 'R-CMP-3/R-CMP-4: the instant N working days after `from`, with the arithmetic explained day by day' })
  async deadline(@Query({ schema: DeadlineQuery }) query: DeadlineQuery) {
    const calendar = await this.calendars.current();
    const result = calendar.explainDeadline(query.from, query.workingDays);
    return { due: result.due, calendarVersion: result.calendarVersion, provisional: result.provisional, explanation: result.explanation };
  }

  @Get('days')
  @Public()
  @ApiOperation({ summary: 'Each day from `from` to `to` with its kind (workday, weekend, holiday, make-up workday) and source' })
  async days(@Query({ schema: DaysQuery }) query: DaysQuery) {
    const calendar = await this.calendars.current();
    return { calendarVersion: calendar.version, days: calendar.days(query.from, query.to) };
  }

  @Get('years')
  @Public()
  @ApiOperation({ summary: 'The years with official data, their notices, and the calendar version in force' })
  async years() {
    const calendar = await this.calendars.current();
    return { calendarVersion: calendar.version, years: calendar.years };
  }

  @Put('years/:year')
  @Roles('administrator')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Publish or correct one year from a new State Council notice (recorded as an event)' })
  async publish(@Param('year', { schema: YearParam }) year: number, @Body({ schema: CalendarYearBody }) body: CalendarYear, @CurrentActor() actor: Actor) {
    if (body.year !== year) throw new DomainRuleViolation('SCHEMA', `body.year ${body.year} does not match the path's ${year}`, 'year');
    return this.calendars.publishYear(body, actor, this.clock.now());
  }
}
