import { DomainRuleViolation, replayEvents, workflowSpec } from '@crm/workflow-kit';
import { customerWorkflow, type CustomerServices, type PrepaymentFacts } from '../src';
import { cmd, FINANCE, history, MANAGER, openCommand } from './customer.fixtures';

const planned = { class: { salesObject: 'distributor' as const, salesForm: 'planned' as const } };
/** 8,000.00 yuan a tonne at 镇海库 from 1 January; 镇海库 is the only warehouse designated for polyolefins. */
const FACTS: PrepaymentFacts = {
  enforced: (line) => line === 'polyolefin',
  isDesignated: (line, wh) => line === 'polyolefin' && wh === 'zh-1',
  priceFenAt: (_l, wh, at) => (wh === 'zh-1' && at >= '2026-01-01' ? 800_000 : null),
  contractCovers: (_customer, line, date) => line === 'polyolefin' && date >= '2026-01-01' && date <= '2026-12-31',
  allocatedKg: () => null,
};
const SERVICES: CustomerServices = { documentWarningDays: 30, prepayment: FACTS };
const { given } = workflowSpec(customerWorkflow, SERVICES);
const receipt = (receiptId: string, amount: number) => cmd('RecordReceipt', { receiptId, productLine: 'polyolefin', amount, receivedOn: '2026-01-19', reference: '工行回单' }, FINANCE, '2026-01-19T08:00:00.000Z');
const pickupAt = (pickupId: string, tonnes: number, warehouse = 'zh-1') =>
  cmd('RecordPickup', { pickupId, date: '2026-01-20', product: 'HDPE 5000S', tonnes, warehouse }, MANAGER, '2026-01-20T08:00:00.000Z');
const funded = (yuan: number) => history([openCommand(planned), receipt('r-1', yuan)], SERVICES);

describe('payment before delivery at a designated warehouse (R-PRIN-4 款到发货, 货物自提)', () => {
  it('R-PRIN-4: finance records a receipt into the product line\'s prepayment account; the same receipt twice is one', () => {
    const events = given(history([openCommand(planned)], SERVICES)).when(receipt('r-1', 100_000)).thenMatches([
      { type: 'ReceiptRecorded', data: { amountFen: 10_000_000, balanceAfterFen: 10_000_000, recordedBy: 'fin-zhang' } },
    ]).events;
    given([...history([openCommand(planned)], SERVICES), ...events]).when(receipt('r-1', 100_000)).then([]);
  });

  it('R-PRIN-4: a covered pickup is charged quantity × the price in force at its warehouse, debited in the same event', () => {
    given(funded(100_000)).when(pickupAt('p-1', 12.5)).thenMatches([
      { type: 'PickupRecorded', data: { tonnes: 12.5, charge: { priceFen: 800_000, amountFen: 10_000_000, balanceAfterFen: 0 } } },
    ]);
  });

  it('R-PRIN-4: a pickup the balance does not cover is refused, naming the shortfall', () => {
    given(funded(50_000)).when(pickupAt('p-1', 12.5)).thenThrows(DomainRuleViolation, /R-PRIN-4.*short by 50000\.00/);
  });

  it('R-PRIN-4: only at a warehouse designated for the product line; R-PRICE-1: only at an approved price', () => {
    given(funded(100_000)).when(pickupAt('p-1', 1, '某社会库')).thenThrows(DomainRuleViolation, /R-PRIN-4.*designated/);
    const noPrice = workflowSpec(customerWorkflow, { ...SERVICES, prepayment: { ...FACTS, priceFenAt: () => null } });
    noPrice.given(funded(100_000)).when(pickupAt('p-1', 1)).thenThrows(DomainRuleViolation, 'R-PRICE-1');
  });

  it('R-PRIN-4: a correction debits or credits the difference at the pickup\'s own price; a void credits it all back', () => {
    const picked = history([openCommand(planned), receipt('r-1', 100_000), pickupAt('p-1', 10)], SERVICES);
    given(picked).when(cmd('CorrectPickup', { pickupId: 'p-1', tonnes: 12, reason: '磅单更正' }, MANAGER, '2026-01-21T00:00:00.000Z'))
      .thenMatches([{ type: 'PickupCorrected', data: { charge: { deltaFen: 1_600_000, balanceAfterFen: 400_000 } } }]);
    given(picked).when(cmd('CorrectPickup', { pickupId: 'p-1', tonnes: 13, reason: '磅单更正' }, MANAGER, '2026-01-21T00:00:00.000Z')).thenThrows(DomainRuleViolation, 'R-PRIN-4');
    given(picked).when(cmd('VoidPickup', { pickupId: 'p-1', reason: '重复' }, MANAGER, '2026-01-21T00:00:00.000Z')).thenMatches([{ type: 'PickupVoided', data: { creditFen: 8_000_000 } }]);
  });

  it('R-PRIN-4: the machine refuses a pickup that overdraws or is charged wrongly, whoever decided it', () => {
    const snapshot = replayEvents(customerWorkflow, funded(1_000));
    const pickup = (charge: object) => ({ type: 'PickupRecorded', data: { pickupId: 'p-x', date: '2026-01-20', product: 'HDPE', tonnes: 1, warehouse: 'zh-1', recordedBy: 'm', recordedAt: '2026-01-20T00:00:00.000Z', charge } });
    expect(snapshot.can(pickup({ priceFen: 800_000, amountFen: 800_000, balanceAfterFen: 0 }) as never)).toBe(false);
    expect(snapshot.can(pickup({ priceFen: 80_000, amountFen: 80_000, balanceAfterFen: 20_000 }) as never)).toBe(true);
    expect(snapshot.can(pickup({ priceFen: 80_000, amountFen: 1, balanceAfterFen: 99_999 }) as never)).toBe(false);
  });

  it('R-ARC-5: a pickup outside a signed sales contract in force that day is refused', () => {
    const noContract = workflowSpec(customerWorkflow, { ...SERVICES, prepayment: { ...FACTS, contractCovers: () => false } });
    noContract.given(funded(100_000)).when(pickupAt('p-1', 1)).thenThrows(DomainRuleViolation, /R-ARC-5.*no signed sales contract/);
  });

  it('R-ALLOC-2: a pickup beyond the approved allocation of the month is refused naming the excess; a correction adding tonnes too', () => {
    const allocated = workflowSpec(customerWorkflow, { ...SERVICES, prepayment: { ...FACTS, allocatedKg: (_c: string, line: string, month: string) => (line === 'polyolefin' && month === '2026-01' ? 3000 : null) } });
    const two = history([openCommand(planned), receipt('r-1', 100_000), pickupAt('p-1', 2)], SERVICES);
    allocated.given(two).when(pickupAt('p-2', 1)).thenMatches([{ type: 'PickupRecorded' }]);
    allocated.given(two).when(pickupAt('p-2', 1.001)).thenThrows(DomainRuleViolation, /R-ALLOC-2.*approved allocation is 3 t, 2 t are already picked up.*exceed it by 0.001 t/);
    const correct = (tonnes: number) => cmd('CorrectPickup', { pickupId: 'p-1', tonnes, reason: '磅单更正' }, MANAGER, '2026-01-21T08:00:00.000Z');
    allocated.given(two).when(correct(3.5)).thenThrows(DomainRuleViolation, 'R-ALLOC-2');
    allocated.given(two).when(correct(3)).thenMatches([{ type: 'PickupCorrected' }]);
    // a decrease needs no facts at all
    workflowSpec(customerWorkflow, { documentWarningDays: 30 }).given(two).when(correct(1)).thenMatches([{ type: 'PickupCorrected' }]);
    workflowSpec(customerWorkflow, { documentWarningDays: 30 }).given(two).when(correct(3)).thenThrows(DomainRuleViolation, 'not read');
  });

  it('R-PRIN-4: a path that did not read the prepayment facts is refused, never let through unchecked', () => {
    workflowSpec(customerWorkflow, { documentWarningDays: 30 }).given(funded(100_000)).when(pickupAt('p-1', 1)).thenThrows(DomainRuleViolation, 'not read');
  });
});
