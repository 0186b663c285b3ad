import { assertMachineGraph } from '@crm/workflow-kit';
import { ticketMachine } from './fixtures/ticket.workflow';

describe('ticket fixture machine graph', () => {
  it('reaches every state, and both final states, with two distinct people', () => {
    const events = [
      { type: 'TicketOpened', data: { title: 't', by: 'alice', at: '2026-03-02T02:00:00.000Z', escalateInMs: 1 } },
      { type: 'TicketEscalated', data: { at: '2026-03-02T02:00:00.000Z' } },
      { type: 'TicketApproved', data: { by: 'bob' } },
      { type: 'TicketWithdrawn', data: { by: 'alice' } },
    ];
    const report = assertMachineGraph(ticketMachine, { events, serializeState: (s) => JSON.stringify(s.value) });
    expect(report.pathsToFinal).toEqual({ approved: ['TicketOpened', 'TicketApproved'], withdrawn: ['TicketOpened', 'TicketWithdrawn'] });
  });
});
