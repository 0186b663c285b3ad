import { type Actor, type AnyDomainEvent, commandOf, DomainRuleViolation, NotPermitted, workflowSpec } from '@crm/workflow-kit';
import { type IdentityReservationCommand, identityReservationWorkflow, type ProductLine } from '../src';
import { manager, NOW } from './onboarding.fixtures';

const KEY = 'MA2AXXXX0';
const SYSTEM: Actor = { id: 'system:archive-identity', roles: [], system: true };
const services = { holderOf: () => { throw new Error('not asked'); }, lineOfCustomer: (): ProductLine => 'polyolefin' };
const { given } = workflowSpec(identityReservationWorkflow, services);
const cmd = (type: IdentityReservationCommand['type'], data: object, actor: Actor = SYSTEM) => commandOf<IdentityReservationCommand>(type, data as never, actor, NOW);
const moveIn = (customerId: string, productLine: ProductLine = 'polyolefin') => cmd('MoveIdentityIn', { identityKey: KEY, customerId, productLine, fromKey: 'OLD000000' });
const moveOut = (customerId: string) => cmd('MoveIdentityOut', { identityKey: KEY, customerId, toKey: 'NEW000000' });
const handedOver = (customerId: string, productLine: ProductLine = 'polyolefin'): AnyDomainEvent =>
  ({ type: 'IdentityHandedOver', data: { identityKey: KEY, applicationId: `app-${customerId}`, customerId, productLine, by: 'system:onboarding', at: NOW } });
const movedIn = (customerId: string, productLine: ProductLine = 'polyolefin'): AnyDomainEvent =>
  ({ type: 'IdentityMovedIn', data: { identityKey: KEY, customerId, productLine, fromKey: 'OLD000000', by: SYSTEM.id, at: NOW } });

describe('a re-registered customer moves its company key (R-ARC-1, ONB-DUPLICATE, ADR 0024)', () => {
  it('R-ARC-1: a free key takes the customer in; moving in twice writes nothing', () => {
    given([]).when(moveIn('c-1')).then([movedIn('c-1')]);
    given([movedIn('c-1')]).when(moveIn('c-1')).then([]);
  });

  it('R-ARC-1: the new code is refused when another company is a customer of the same line under it, or an application holds it', () => {
    given([handedOver('c-9')]).when(moveIn('c-1')).thenThrows(DomainRuleViolation, 'ONB-DUPLICATE');
    const reserved: AnyDomainEvent = { type: 'IdentityReserved', data: { identityKey: KEY, applicationId: 'app-7', productLine: 'polyolefin', by: manager.id, at: NOW } };
    given([reserved]).when(moveIn('c-1')).thenThrows(DomainRuleViolation, 'application app-7 holds it');
  });

  it('R-ARC-1 / R-TIER-1: the company\'s other registration follows it to the new key for its own line', () => {
    given([movedIn('c-1')]).when(moveIn('c-2', 'other_chemicals')).then([movedIn('c-2', 'other_chemicals')]);
  });

  it('R-ARC-1: the old key lets the customer go; with none left the company key is free for another application', () => {
    const out = { type: 'IdentityMovedOut', data: { identityKey: KEY, customerId: 'c-1', toKey: 'NEW000000', by: SYSTEM.id, at: NOW } };
    given([handedOver('c-1')]).when(moveOut('c-1')).then([out]);
    given([handedOver('c-1'), out]).when(moveOut('c-1')).then([]);
    const reserve = commandOf<IdentityReservationCommand>('ReserveIdentity', { identityKey: KEY, applicationId: 'app-new', productLine: 'polyolefin' }, manager, NOW);
    given([handedOver('c-1')]).when(reserve).thenThrows(DomainRuleViolation, 'ONB-DUPLICATE');
    given([handedOver('c-1'), out]).when(reserve).thenMatches([{ type: 'IdentityReserved', data: { applicationId: 'app-new' } }]);
  });

  it('R-ARC-1: only the system moves keys', () => {
    given([]).when(cmd('MoveIdentityIn', { identityKey: KEY, customerId: 'c-1', productLine: 'polyolefin', fromKey: null }, manager)).thenThrows(NotPermitted);
  });
});
