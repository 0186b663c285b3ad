import { UnknownWorkflowError, WorkflowRegistry } from '../src';
import { ticketWorkflow } from './fixtures/ticket.workflow';

describe('WorkflowRegistry', () => {
  it('finds a workflow by name and by stream id, and names an unknown one', () => {
    const services = { clock: 'x' };
    const registry = new WorkflowRegistry().register(ticketWorkflow, services);
    expect(registry.get('ticket')).toEqual({ workflow: ticketWorkflow, services });
    expect(registry.byStreamId('ticket-abc-1')).toMatchObject({ instanceId: 'abc-1', workflow: ticketWorkflow });
    expect(registry.byStreamId('other-1')).toBeUndefined();
    expect(() => registry.get('nope')).toThrow(UnknownWorkflowError);
  });

  it('refuses two workflows sharing a stream prefix', () => {
    const registry = new WorkflowRegistry().register(ticketWorkflow);
    expect(() => registry.register({ ...ticketWorkflow, name: 'other' })).toThrow(/prefix/);
  });
});
