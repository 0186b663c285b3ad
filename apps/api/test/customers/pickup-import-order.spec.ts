import type { CustomerCommand, CustomerServices } from '@crm/customers';
import type { CommandResult } from '@crm/engine';
import { customerGroups, recordEach } from '../../src/customers/pickup-import';

const row = (line: number, customerId: string) => ({ row: { line, customerId }, command: { type: 'RecordPickup', data: { pickupId: `P-${line}` } } as unknown as CustomerCommand });
const pickupIdOf = (command: CustomerCommand) => (command.data as { pickupId: string }).pickupId;
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('pickup import, write stage', () => {
  it("writes a customer's rows together, customers in first-seen order and each one's rows in file order", async () => {
    const rows = [row(2, 'b'), row(3, 'a'), row(4, 'b'), row(5, 'c'), row(6, 'a'), row(7, 'b')];
    expect([...customerGroups(rows).values()].flat().map((r) => r.row.line)).toEqual([2, 4, 7, 3, 6, 5]);
    const written: string[] = [];
    const execute = async (customerId: string, command: CustomerCommand) => {
      written.push(`${customerId}:${pickupIdOf(command)}`);
      return { events: [{}], position: written.length } as unknown as CommandResult;
    };
    const progress: number[] = [];
    expect(await recordEach(rows, execute, { onProgress: (done) => progress.push(done), lanes: 1 })).toEqual({ recorded: 6, position: 6 });
    expect(written).toEqual(['b:P-2', 'b:P-4', 'b:P-7', 'a:P-3', 'a:P-6', 'c:P-5']);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('writes several customers at once (their appends can share a commit), each customer by one lane in file order, its facts read once', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => row(i + 2, `c${i % 5}`));
    let inFlight = 0;
    let mostAtOnce = 0;
    const written: string[] = [];
    const factsRead: Array<{ customers: string[]; rows: number }> = [];
    const servicesFor = async (group: ReadonlyArray<{ customerId: string }>) => {
      factsRead.push({ customers: [...new Set(group.map((r) => r.customerId))], rows: group.length });
      return { marker: group[0].customerId } as unknown as CustomerServices;
    };
    const execute = async (customerId: string, command: CustomerCommand, services?: CustomerServices) => {
      expect((services as unknown as { marker: string }).marker).toBe(customerId);
      mostAtOnce = Math.max(mostAtOnce, ++inFlight);
      await tick();
      inFlight--;
      written.push(`${customerId}:${pickupIdOf(command)}`);
      return { events: [{}], position: written.length } as unknown as CommandResult;
    };
    expect(await recordEach(rows, execute, { servicesFor, lanes: 3 })).toEqual({ recorded: 40, position: 40 });
    expect(mostAtOnce).toBe(3);
    for (let c = 0; c < 5; c++) {
      const own = written.filter((w) => w.startsWith(`c${c}:`)).map((w) => w.split(':')[1]);
      expect(own).toEqual(rows.filter((r) => r.row.customerId === `c${c}`).map((r) => pickupIdOf(r.command)));
    }
    expect(factsRead).toHaveLength(5);
    expect(factsRead.every((f) => f.customers.length === 1 && f.rows === 8)).toBe(true);
  });

  it('the first refusal stops every lane after its current row and says how many rows were recorded', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => row(i + 2, `c${i % 6}`));
    const recorded: string[] = [];
    const execute = async (customerId: string, command: CustomerCommand) => {
      await tick();
      if (pickupIdOf(command) === 'P-20') throw Object.assign(new Error('pickup date is in the future'), { ruleId: 'R-TIER-2', field: 'data.date' });
      recorded.push(pickupIdOf(command));
      return { events: [{}], position: recorded.length } as unknown as CommandResult;
    };
    const outcome = await recordEach(rows, execute, { lanes: 4 });
    expect(outcome).toEqual({ error: { line: 20, field: 'date', message: 'pickup date is in the future', rule: 'R-TIER-2' }, recorded: recorded.length });
    const settled = recorded.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(recorded.length).toBe(settled);
    expect(settled).toBeLessThan(60);
  });
});
