import type { CustomerCommand } from '@crm/customers';
import type { CommandResult } from '@crm/engine';
import { byCustomer, recordEach } from '../../src/customers/pickup-import';

const row = (line: number, customerId: string) => ({ row: { line, customerId }, command: { type: 'RecordPickup', data: { pickupId: `P-${line}` } } as unknown as CustomerCommand });

describe('pickup import, write stage', () => {
  it("writes a customer's rows together, customers in first-seen order and each one's rows in file order", async () => {
    const rows = [row(2, 'b'), row(3, 'a'), row(4, 'b'), row(5, 'c'), row(6, 'a'), row(7, 'b')];
    expect(byCustomer(rows).map((r) => r.row.line)).toEqual([2, 4, 7, 3, 6, 5]);
    const written: string[] = [];
    const execute = async (customerId: string, command: CustomerCommand) => {
      written.push(`${customerId}:${(command.data as { pickupId: string }).pickupId}`);
      return { events: [{}], position: written.length } as unknown as CommandResult;
    };
    const progress: number[] = [];
    expect(await recordEach(rows, execute, (done) => progress.push(done))).toEqual({ recorded: 6, position: 6 });
    expect(written).toEqual(['b:P-2', 'b:P-4', 'b:P-7', 'a:P-3', 'a:P-6', 'c:P-5']);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
