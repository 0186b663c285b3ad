import { customerLinkOf } from '../src';

describe('customerLinkOf for relationship-maintenance streams', () => {
  it('R-VISIT-1: a visit report belongs to the customer visited', () => {
    expect(customerLinkOf({ streamId: 'visit-report-vr-1', data: { customerId: 'cust-1' } })).toBe('cust-1');
  });

  it('R-SURV-1: the year\'s survey names many customers and belongs to none of them', () => {
    expect(customerLinkOf({ streamId: 'satisfaction-survey-2026', data: { customerId: 'cust-1' } })).toBeNull();
  });

  it('R-FORUM-1: a forum stream is not read as a customer archive', () => {
    expect(customerLinkOf({ streamId: 'forum-f-1', data: { forumId: 'f-1' } })).toBeNull();
  });
});
