import type { ReadModelDb } from '@crm/engine';
import { beijingTime } from './beijing-time';
import { consolePathOf, MESSAGE_TEMPLATES, type MessageTemplate } from './notification-messages';
import type { NotificationLanguage } from './user-notification-settings';

/** The outbox columns a message is made from. */
export interface RenderableRow {
  event_type: string;
  stream_id: string;
  customer_id?: string | null;
  payload: string;
}

export interface RenderedMessage {
  language: NotificationLanguage;
  title: string;
  /** the company (customer name from the customers read model), when the event is about one */
  company: string | null;
  step: string | null;
  /** the deadline on Beijing's clock, e.g. "2026年10月10日 10:00" */
  deadline: string | null;
  detail: string | null;
  /** the console path (hash route) and the full link built on CONSOLE_URL */
  path: string;
  url: string;
}

/**
 * Turns outbox rows into messages: the event's template in the reader's language, the company by
 * its current name, the deadline in Beijing time and a link into the console. Used by every
 * channel and by the in-app list, so they all say the same thing.
 */
export class NotificationRenderer {
  constructor(
    private readonly readModels: ReadModelDb,
    private readonly consoleUrl: string,
  ) {}

  async render(row: RenderableRow, language: NotificationLanguage): Promise<RenderedMessage> {
    const [message] = await this.renderAll([row], () => language);
    return message;
  }

  /** One customers lookup for the whole batch. */
  async renderAll<T extends RenderableRow>(rows: readonly T[], languageOf: (row: T) => NotificationLanguage): Promise<RenderedMessage[]> {
    const names = await this.customerNames(rows.flatMap((r) => (r.customer_id ? [r.customer_id] : [])));
    return rows.map((row) => this.compose(row, languageOf(row), names));
  }

  private compose(row: RenderableRow, language: NotificationLanguage, names: Map<string, string>): RenderedMessage {
    const data = parse(row.payload);
    const template: MessageTemplate = MESSAGE_TEMPLATES[row.event_type] ?? { title: { zh: row.event_type, en: row.event_type } };
    const title = typeof template.title === 'function' ? template.title(data, language) : template.title[language];
    const step = typeof template.step === 'function' ? template.step(data) : (template.step?.[language] ?? null);
    const due = template.dueAt?.(data) ?? null;
    const company = (row.customer_id ? names.get(row.customer_id) : undefined) ?? subjectName(data) ?? row.customer_id ?? null;
    const path = consolePathOf(row.stream_id, data);
    return {
      language, title, company, step, deadline: due ? beijingTime(due, language) : null, detail: template.detail?.(data, language) ?? null,
      path, url: `${this.consoleUrl.replace(/\/+$/, '')}/#${path}`,
    };
  }

  private async customerNames(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    try {
      const rows = await this.readModels.db.selectFrom('customers').select(['customer_id', 'name']).where('customer_id', 'in', unique).execute();
      return new Map(rows.map((r) => [r.customer_id as string, r.name as string]));
    } catch {
      return new Map(); // the customers read model is not there (a service without that context)
    }
  }
}

function parse(payload: string): Record<string, any> {
  try {
    const value = JSON.parse(payload) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, any>) : {};
  } catch {
    return {};
  }
}

function subjectName(data: Record<string, any>): string | null {
  const name = data.subject?.name ?? data.name;
  return typeof name === 'string' && name ? name : null;
}
