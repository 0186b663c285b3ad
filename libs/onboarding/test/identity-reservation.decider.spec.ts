import { type Actor, type AnyDomainEvent, commandOf, decideOnWorkflow, replayEvents, SCHEDULER_ACTOR, stateName } from '@crm/workflow-kit';
import {
  IDENTITY_RESERVATION_GRACE_MS, type IdentityReservationCommand, identityReservationWorkflow, type ProductLine, type ReservationHolder, onboardingWorkflow,
} from '../src';
import { cmd, create, history, manager, manager2, NOW, servicesFor } from './onboarding.fixtures';

const KEY = '799655058';
const SYSTEM: Actor = { id: 'system:onboarding', roles: [], system: true };
const after = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();

type Holders = Record<string, Omit<ReservationHolder, 'applicationId'>>;
/** the lines of customers handed over before lines were recorded (v1), as their archives say */
let V1_LINES: Record<string, ProductLine> = {};
const services = (holders: Holders = {}) => ({
  holderOf(applicationId: string): ReservationHolder {
    const holder = holders[applicationId];
    if (!holder) throw new Error(`holder ${applicationId} not preloaded`);
    return { applicationId, ...holder };
  },
  lineOfCustomer(customerId: string): ProductLine {
    const line = V1_LINES[customerId];
    if (!line) throw new Error(`line of ${customerId} not preloaded`);
    return line;
  },
});

const reserve = (applicationId: string, actor = manager, now = NOW, productLine: ProductLine = 'polyolefin') =>
  commandOf<IdentityReservationCommand>('ReserveIdentity', { identityKey: KEY, applicationId, productLine }, actor, now);
const release = (applicationId: string, reason: 'withdrawn' | 'rejected' | 'rekeyed' | 'voided', actor = SYSTEM) =>
  commandOf<IdentityReservationCommand>('ReleaseIdentity', { identityKey: KEY, applicationId, reason }, actor, NOW);
const handOver = (applicationId: string, actor = SYSTEM, productLine: ProductLine = 'polyolefin') =>
  commandOf<IdentityReservationCommand>('HandOverIdentity', { identityKey: KEY, applicationId, customerId: `cust-${applicationId}`, productLine }, actor, NOW);

function run(commands: IdentityReservationCommand[], holders: Holders = {}): AnyDomainEvent[] {
  const events: AnyDomainEvent[] = [];
  for (const command of commands) {
    const snapshot = replayEvents(identityReservationWorkflow, events);
    events.push(...decideOnWorkflow(identityReservationWorkflow, snapshot, events.length ? events.length - 1 : null, command, services(holders)).events);
  }
  return events;
}
const decide = (given: AnyDomainEvent[], command: IdentityReservationCommand, holders: Holders = {}) =>
  decideOnWorkflow(identityReservationWorkflow, replayEvents(identityReservationWorkflow, given), given.length - 1, command, services(holders));
const stateOf = (events: AnyDomainEvent[]) => stateName(replayEvents(identityReservationWorkflow, events).value);

describe('company identity reservation (ONB-DUPLICATE)', () => {
  it('reserves a free key for the application, and reserving it again for the same application writes nothing', () => {
    const events = run([reserve('a-1')]);
    expect(events).toEqual([{ type: 'IdentityReserved', data: { identityKey: KEY, applicationId: 'a-1', productLine: 'polyolefin', by: 'wang', at: NOW } }]);
    expect(decide(events, reserve('a-1')).events).toEqual([]);
  });

  it('ONB-DUPLICATE: refuses a second application while the holder is open with this key, naming the field and the holder', () => {
    const given = run([reserve('a-1')]);
    expect(() => decide(given, reserve('a-2', manager2), { 'a-1': { state: 'review.sales', identityKey: KEY } })).toThrow(
      expect.objectContaining({ ruleId: 'ONB-DUPLICATE', field: 'data.form.identifiers', message: expect.stringContaining('a-1') }),
    );
  });

  it('ONB-DUPLICATE: a holder not drafted yet keeps the key (its request is between its two appends)', () => {
    const given = run([reserve('a-1')]);
    expect(() => decide(given, reserve('a-2', manager2, after(IDENTITY_RESERVATION_GRACE_MS * 10)), { 'a-1': { state: 'none', identityKey: null } })).toThrow(
      expect.objectContaining({ ruleId: 'ONB-DUPLICATE', message: expect.stringContaining('being drafted') }),
    );
  });

  it.each(['withdrawn', 'rejected', 'voided'] as const)('takes the key over from a %s holder: release and reservation in one append', (state) => {
    const given = run([reserve('a-1')]);
    const { events } = decide(given, reserve('a-2', manager2), { 'a-1': { state, identityKey: KEY } });
    expect(events.map((e) => [e.type, (e.data as any).applicationId, (e.data as any).reason])).toEqual([
      ['IdentityReleased', 'a-1', state],
      ['IdentityReserved', 'a-2', undefined],
    ]);
  });

  it('a holder amended away from the key lets go only after the grace period', () => {
    const given = run([reserve('a-1')]);
    const holders: Holders = { 'a-1': { state: 'draft', identityKey: 'OTHERKEY1' } };
    expect(() => decide(given, reserve('a-2', manager2, after(IDENTITY_RESERVATION_GRACE_MS - 1)), holders)).toThrow(expect.objectContaining({ ruleId: 'ONB-DUPLICATE' }));
    const { events } = decide(given, reserve('a-2', manager2, after(IDENTITY_RESERVATION_GRACE_MS)), holders);
    expect(events.map((e) => (e.data as any).reason ?? e.type)).toEqual(['rekeyed', 'IdentityReserved']);
  });

  it('ONB-DUPLICATE: an approved holder is a customer, and a handed-over line is never free again', () => {
    const given = run([reserve('a-1')]);
    expect(() => decide(given, reserve('a-2', manager2), { 'a-1': { state: 'approved', identityKey: KEY } })).toThrow(
      expect.objectContaining({ ruleId: 'ONB-DUPLICATE', message: expect.stringContaining('cust-a-1') }),
    );
    const customer = run([reserve('a-1'), handOver('a-1')]);
    expect(stateOf(customer)).toBe('customer');
    expect(() => decide(customer, reserve('a-2', manager2))).toThrow(expect.objectContaining({ message: expect.stringContaining('cust-a-1') }));
    expect(decide(customer, release('a-1', 'withdrawn')).events).toEqual([]);
  });

  it('releases only the holder’s reservation; the key is free for the next application afterwards', () => {
    const given = run([reserve('a-1')]);
    expect(decide(given, release('a-9', 'withdrawn')).events).toEqual([]);
    const released = run([reserve('a-1'), release('a-1', 'withdrawn'), release('a-1', 'withdrawn')]);
    expect(released.map((e) => e.type)).toEqual(['IdentityReserved', 'IdentityReleased']);
    expect(decide(released, reserve('a-2', manager2)).events.map((e) => e.type)).toEqual(['IdentityReserved']);
  });

  it('hands a key over to a customer approved before reservations existed (no stream yet), but not past another holder', () => {
    expect(run([handOver('old-1')]).map((e) => e.type)).toEqual(['IdentityHandedOver']);
    expect(() => decide(run([reserve('a-1')]), handOver('a-2'))).toThrow(expect.objectContaining({ ruleId: 'ONB-DUPLICATE' }));
  });

  it('ONB-RESERVATION / ONB-APPLICANT: people do not hand over; reviewers do not reserve; the machine refuses a release by another application', () => {
    expect(() => run([handOver('a-1', manager)])).toThrow(expect.objectContaining({ ruleId: 'ONB-RESERVATION' }));
    expect(() => run([reserve('a-1', { id: 'li', roles: ['sales_reviewer'] })])).toThrow(expect.objectContaining({ ruleId: 'ONB-APPLICANT' }));
    const snapshot = replayEvents(identityReservationWorkflow, run([reserve('a-1')]));
    expect(snapshot.can({ type: 'IdentityReleased', data: { identityKey: KEY, applicationId: 'a-2', reason: 'withdrawn', by: 'x', at: NOW } } as never)).toBe(false);
  });

  it('R-TIER-1: a customer company is reserved again for another product line; when that application closes it is a customer again', () => {
    const customer = run([reserve('a-1'), handOver('a-1')]);
    const second = decide(customer, reserve('a-2', manager2, NOW, 'other_chemicals'));
    expect(second.events.map((e) => [e.type, (e.data as any).productLine])).toEqual([['IdentityReserved', 'other_chemicals']]);
    const reserved = [...customer, ...second.events];
    expect(stateOf(reserved)).toBe('reserved');
    expect(stateOf([...reserved, ...decide(reserved, release('a-2', 'withdrawn')).events])).toBe('customer');
    const registered = [...reserved, ...decide(reserved, handOver('a-2', SYSTEM, 'other_chemicals')).events];
    expect(replayEvents(identityReservationWorkflow, registered).context.customers).toEqual([
      { customerId: 'cust-a-1', productLine: 'polyolefin' }, { customerId: 'cust-a-2', productLine: 'other_chemicals' },
    ]);
    for (const line of ['polyolefin', 'other_chemicals'] as const) {
      expect(() => decide(registered, reserve('a-3', manager2, NOW, line))).toThrow(expect.objectContaining({ ruleId: 'ONB-DUPLICATE', message: expect.stringContaining(line) }));
    }
  });

  it('R-TIER-1: the machine refuses a reservation or hand-over for a line the company is already a customer of', () => {
    const snapshot = replayEvents(identityReservationWorkflow, run([reserve('a-1'), handOver('a-1')]));
    expect(snapshot.can({ type: 'IdentityReserved', data: { identityKey: KEY, applicationId: 'a-2', productLine: 'polyolefin', by: 'x', at: NOW } } as never)).toBe(false);
    expect(snapshot.can({ type: 'IdentityHandedOver', data: { identityKey: KEY, applicationId: 'a-2', customerId: 'cust-a-2', productLine: 'polyolefin', by: 'x', at: NOW } } as never)).toBe(false);
    expect(snapshot.can({ type: 'IdentityReserved', data: { identityKey: KEY, applicationId: 'a-2', productLine: 'other_chemicals', by: 'x', at: NOW } } as never)).toBe(true);
  });

  it('R-TIER-1 upcast (ADR 0005): a v1 stream without lines is one registration, of the line its archive was opened for', () => {
    const upcast = identityReservationWorkflow.upcast;
    if (!upcast) throw new Error('the reservation workflow upcasts its v1 events');
    const v1 = (type: string, data: object) => upcast({ type, data, schemaVersion: 1 });
    const stored = [
      v1('IdentityReserved', { identityKey: KEY, applicationId: 'a-1', by: 'wang', at: NOW }),
      v1('IdentityHandedOver', { identityKey: KEY, applicationId: 'a-1', customerId: 'cust-a-1', by: 'system', at: NOW }),
    ];
    expect(replayEvents(identityReservationWorkflow, stored).context.customers).toEqual([{ customerId: 'cust-a-1', productLine: null }]);
    V1_LINES = { 'cust-a-1': 'other_chemicals' };
    expect(() => decide(stored, reserve('a-2', manager2, NOW, 'other_chemicals'))).toThrow(expect.objectContaining({ ruleId: 'ONB-DUPLICATE', message: expect.stringContaining('cust-a-1') }));
    expect(decide(stored, reserve('a-2', manager2, NOW, 'polyolefin')).events.map((e) => e.type)).toEqual(['IdentityReserved']);
    V1_LINES = {};
  });

  it('refuses a command routed to the stream of another key', () => {
    const given = run([reserve('a-1')]);
    const wrong = commandOf<IdentityReservationCommand>('ReserveIdentity', { identityKey: 'OTHERKEY1', applicationId: 'a-2', productLine: 'polyolefin' }, manager, NOW);
    expect(() => decide(given, wrong)).toThrow(expect.objectContaining({ ruleId: 'COMMAND', field: 'data.identityKey' }));
  });
});

describe('voiding an application that reserved its company and was never drafted (ONB-RESERVATION)', () => {
  const voidCmd = (now: string, actor: Actor = SYSTEM) => cmd('VoidApplication', { applicationId: 'a-1', identityKey: KEY, reservedAt: NOW }, actor, now);
  const none = replayEvents(onboardingWorkflow, []);

  it('closes the stream once the grace period is over; the late draft is then refused', () => {
    const { events } = decideOnWorkflow(onboardingWorkflow, none, null, voidCmd(after(IDENTITY_RESERVATION_GRACE_MS)), undefined);
    expect(events).toEqual([{ type: 'ApplicationVoided', data: { applicationId: 'a-1', identityKey: KEY, reservedAt: NOW, at: after(IDENTITY_RESERVATION_GRACE_MS) } }]);
    const voided = replayEvents(onboardingWorkflow, events);
    expect(stateName(voided.value)).toBe('voided');
    expect(voided.status).toBe('done');
    expect(() => decideOnWorkflow(onboardingWorkflow, voided, 0, create(), servicesFor())).toThrow(expect.objectContaining({ name: 'TransitionNotAllowed' }));
  });

  it('refuses within the grace period, from a person, and on a drafted application', () => {
    expect(() => decideOnWorkflow(onboardingWorkflow, none, null, voidCmd(after(IDENTITY_RESERVATION_GRACE_MS - 1)), undefined)).toThrow(
      expect.objectContaining({ ruleId: 'ONB-RESERVATION', field: 'data.reservedAt' }),
    );
    expect(() => decideOnWorkflow(onboardingWorkflow, none, null, voidCmd(after(IDENTITY_RESERVATION_GRACE_MS), manager), undefined)).toThrow(
      expect.objectContaining({ ruleId: 'ONB-RESERVATION' }),
    );
    expect(() => decideOnWorkflow(onboardingWorkflow, none, null, voidCmd(after(IDENTITY_RESERVATION_GRACE_MS), SCHEDULER_ACTOR), undefined)).not.toThrow();
    const drafted = replayEvents(onboardingWorkflow, history([create()]));
    expect(() => decideOnWorkflow(onboardingWorkflow, drafted, 0, voidCmd(after(IDENTITY_RESERVATION_GRACE_MS)), undefined)).toThrow(
      expect.objectContaining({ name: 'TransitionNotAllowed' }),
    );
  });
});
