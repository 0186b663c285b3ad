import fc from 'fast-check';
import type { PickupState } from '../src/customer.context';
import { allPickups, EMPTY_PICKUP_INDEX, getPickup, type PickupIndex, setPickup } from '../src/pickup-index';

const pickup = (kg: number): PickupState => ({ date: '2026-03-02', product: 'PP', warehouse: '北仑库', kg, voided: false });

describe('pickup index (bucketed, immutable)', () => {
  it('behaves like a map for any sequence of writes and never changes an earlier version', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.nat(10_000)), { maxLength: 200 }), (writes) => {
        const model = new Map<string, PickupState>();
        let index: PickupIndex = EMPTY_PICKUP_INDEX;
        const versions: Array<{ index: PickupIndex; size: number }> = [];
        for (const [id, kg] of writes) {
          versions.push({ index, size: model.size });
          index = setPickup(index, id, pickup(kg));
          model.set(id, pickup(kg));
        }
        for (const [id, value] of model) expect(getPickup(index, id)).toEqual(value);
        expect(allPickups(index)).toHaveLength(model.size);
        for (const v of versions) expect(allPickups(v.index)).toHaveLength(v.size);
        expect(getPickup(index, '__proto__')).toEqual(model.get('__proto__'));
      }),
    );
  });
});
