import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { ReadModelDb } from '@crm/engine';
import { type Actor, NotPermitted, type Role } from '@crm/workflow-kit';
import { CalendarService } from '../calendar/calendar.service';
import { READ_MODEL_DB } from '../read-models/read-model.tokens';
import { applicationSummary, historyView } from './application.views';
import { APPLICATIONS_TABLE, HISTORY_TABLE } from './applications.tables';
import type { ApplicationsQuery } from './onboarding.bodies';

/** Roles that read every application; a customer manager otherwise reads only their own. */
export const READ_ALL_ROLES: Role[] = ['sales_reviewer', 'finance_reviewer', 'general_manager', 'auditor', 'administrator'];
const readsAll = (actor: Actor) => actor.roles.some((r) => READ_ALL_ROLES.includes(r));

@Injectable()
export class ApplicationsQueryService {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelDb,
    private readonly calendars: CalendarService,
  ) {}

  async list(actor: Actor, query: ApplicationsQuery, now: Date) {
    let base = this.readModels.db.selectFrom(APPLICATIONS_TABLE);
    if (!readsAll(actor)) base = base.where((eb) => eb.or([eb('applicant_id', '=', actor.id), eb('customer_manager_id', '=', actor.id)]));
    if (query.status) base = base.where('status', '=', query.status);
    if (query.customerManagerId) base = base.where('customer_manager_id', '=', query.customerManagerId);
    const [{ total }, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
      base.selectAll().orderBy('updated_at', 'desc').orderBy('application_id').limit(query.limit).offset(query.offset).execute(),
    ]);
    const calendar = await this.calendars.current();
    return { total: Number(total), limit: query.limit, offset: query.offset, items: rows.map((r) => applicationSummary(r, calendar, now)) };
  }

  /** The application with its form and full decision history, oldest first. */
  async detail(actor: Actor, applicationId: string, now: Date) {
    const row = await this.readModels.db.selectFrom(APPLICATIONS_TABLE).selectAll().where('application_id', '=', applicationId).executeTakeFirst();
    if (!row) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no application ${applicationId}` });
    if (!readsAll(actor) && row.applicant_id !== actor.id && row.customer_manager_id !== actor.id)
      throw new NotPermitted('ONB-APPLICANT', 'a customer manager reads only the applications they filed or manage');
    const history = await this.readModels.db.selectFrom(HISTORY_TABLE).selectAll().where('application_id', '=', applicationId).orderBy('position').execute();
    const calendar = await this.calendars.current();
    return { ...applicationSummary(row, calendar, now), form: JSON.parse(row.form), history: history.map(historyView) };
  }
}
