import { WorkflowRegistry } from '@crm/engine';
import type { AnyWorkflow } from '@crm/workflow-kit';
import { getStateNodes } from '@xstate/graph';
import { CalendarService } from '../../src/calendar/calendar.service';
import { registerWorkflows } from '../../src/workflows/workflow-registrations';

/** Every workflow the service runs, as it registers them (feature discovery), so a new one is checked too. */
const workflows: AnyWorkflow[] = registerWorkflows(new WorkflowRegistry(), { calendars: new CalendarService({} as never) }).list().map((e) => e.workflow);
const statesOf = (w: AnyWorkflow) => getStateNodes(w.machine.root).map((n) => n.path.join('.'));

describe('task declarations of every registered workflow (issue 15)', () => {
  it('each names states its machine has, commands its workflow declares, a type of its own workflow, unique system-wide', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const w of workflows) {
      for (const d of w.tasks ?? []) {
        if (!d.type.startsWith(`${w.name}.`)) problems.push(`${d.type}: not named after ${w.name}`);
        if (seen.has(d.type)) problems.push(`${d.type}: declared twice`);
        seen.add(d.type);
        for (const s of d.states) if (!statesOf(w).includes(s)) problems.push(`${d.type}: ${w.name} has no state ${s}`);
        for (const c of d.commands) if (!w.commandSchemas[c]) problems.push(`${d.type}: ${w.name} has no command ${c}`);
        if (!/[\u4e00-\u9fff]/.test(d.title)) problems.push(`${d.type}: the title is not Chinese`);
        if ((d.reminders.escalateAfterWorkingDays === null) !== (d.reminders.escalateTo === null)) problems.push(`${d.type}: escalation needs both a time and a leader`);
      }
    }
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(16);
  });

  it('the workflows without a task wait on no one: prospects, key-account warnings, company reservations, master data and price books (a forum waits on its plan\'s approver since ADR 0025)', () => {
    expect(workflows.filter((w) => !w.tasks?.length).map((w) => w.name).sort()).toEqual(
      ['commercial-catalogue', 'committee-charter', 'identity-reservation', 'key-account', 'price-book', 'prospect'].sort(),
    );
  });
});
