import { CorrectPickup, VoidPickup } from '@crm/customers';
import { useSignedIn } from '../../../auth/session.context';
import { CommandCard } from '../../record-kit/command-card';
import type { CommandAnswer } from '../../record-kit/use-record-form';
import { formatTonnes } from '../tonnage-chart';
import { useCommerceT } from './commerce.messages';
import { numberOf } from './record-roles';

export interface PickupRow { pickupId: string; date: string; tonnes: number; voided: boolean }
export type PickupChange = { pickup: PickupRow; action: 'correct' | 'void' };

/** A live pickup's two buttons (R-TIER-2: a voided one is history, neither corrected nor voided again). */
export function PickupRowActions({ pickup, onPick }: { pickup: PickupRow; onPick(change: PickupChange): void }) {
  const { t } = useCommerceT();
  if (pickup.voided) return <span className="muted">—</span>;
  return (
    <span className="toolbar">
      <button type="button" className="button button-secondary button-small" aria-label={t('correctOf', { id: pickup.pickupId })} onClick={() => onPick({ pickup, action: 'correct' })}>{t('correct')}</button>
      <button type="button" className="button button-secondary button-small" aria-label={t('voidOf', { id: pickup.pickupId })} onClick={() => onPick({ pickup, action: 'void' })}>{t('void')}</button>
    </span>
  );
}

/**
 * R-TIER-2: correct a pickup's tonnes or void it, with the reason; a graded month is evaluated again
 * (the API records the difference beside the original). Voiding asks first, naming the pickup.
 */
export function PickupChangeForm({ customerId, change, onDone, onClose }: { customerId: string; change: PickupChange; onDone(position: number, note: string): void; onClose(): void }) {
  const { t } = useCommerceT();
  const { api } = useSignedIn();
  const { pickup, action } = change;
  const path = `/customers/${encodeURIComponent(customerId)}/pickups/${encodeURIComponent(pickup.pickupId)}`;
  const tonnes = formatTonnes(pickup.tonnes);
  return (
    <div data-testid="pickup-change">
      {action === 'correct' ? (
        <CommandCard key={`c-${pickup.pickupId}`} title={t('correctTitle', { id: pickup.pickupId, tonnes })} intro={t('correctIntro')}
          fields={[{ name: 'tonnes', label: t('newTonnes'), kind: 'number', narrow: true }, { name: 'reason', label: t('correctReason'), kind: 'textarea' }]}
          body={(v) => ({ pickupId: pickup.pickupId, tonnes: numberOf(v('tonnes')), reason: v('reason').trim() })} schema={CorrectPickup}
          call={(body) => { const { pickupId: _id, ...rest } = body as CorrectPickup; return api.post<CommandAnswer>(`${path}/correct`, rest); }}
          submitLabel={t('correctSend')} success={null} onDone={(at) => onDone(at, t('corrected', { id: pickup.pickupId }))} />
      ) : (
        <CommandCard key={`v-${pickup.pickupId}`} title={t('voidTitle', { id: pickup.pickupId, tonnes })} intro={t('voidIntro')}
          fields={[{ name: 'reason', label: t('voidReason'), kind: 'textarea' }]}
          body={(v) => ({ pickupId: pickup.pickupId, reason: v('reason').trim() })} schema={VoidPickup}
          call={(body) => { const { pickupId: _id, ...rest } = body as VoidPickup; return api.post<CommandAnswer>(`${path}/void`, rest); }}
          confirm={{ question: t('voidConfirm', { id: pickup.pickupId, date: pickup.date, tonnes }), label: t('voidConfirmButton') }}
          submitLabel={t('voidSend')} success={null} onDone={(at) => onDone(at, t('voided', { id: pickup.pickupId }))} />
      )}
      <p><button type="button" className="button button-secondary" onClick={onClose}>{t('close')}</button></p>
    </div>
  );
}
