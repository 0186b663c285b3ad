import { receiptIdOf, RecordReceipt } from '@crm/customers';
import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../../api/describe-error';
import { useSignedIn } from '../../../auth/session.context';
import { labelOr, useOnboardingLabels } from '../../../components/onboarding-labels';
import { yuan } from '../../../format/money';
import { useI18n } from '../../../i18n/i18n.context';
import { ErrorAlert } from '../../../shell/error-alert';
import type { Wording } from '../../record-kit/field-check';
import { type CommandAnswer, useRecordForm } from '../../record-kit/use-record-form';
import type { CustomerDetail } from '../customers.messages';
import { COMMERCE_EN, COMMERCE_ZH, useCommerceT } from './commerce.messages';
import { RECORD_WORDING } from './field-issues';
import { ConfirmStep, FormOutcome, RecordField, RecordFormFrame } from './record-fields';
import { mayIssue, numberOf } from './record-roles';

/** GET /customers/:id/account (apps/api/src/customers/account.controller.ts). */
interface Movement { at: string; date: string; kind: 'receipt' | 'pickup' | 'correction' | 'void'; reference: string; amountFen: number; balanceAfterFen: number }
interface Account { productLine: string | null; balances: Record<string, number>; movements: Movement[] }

/** The record forms' words, and the amount's fen (RecordReceipt's multipleOf(0.01)) in the receipt's own words. */
export const RECEIPT_WORDING: Wording = (lang) => {
  const words = RECORD_WORDING(lang);
  return (issue) => (issue.code === 'not_multiple_of' ? (lang === 'en' ? COMMERCE_EN : COMMERCE_ZH)['issue.cents'] : words(issue));
};

/**
 * R-PRIN-4 款到发货: the customer's prepayment balance and its movements for everyone who reads the
 * archive; for finance, the form that records a payment received (after a confirmation naming the sum).
 */
export function ReceiptsCard({ customer, minPosition, onDone }: { customer: CustomerDetail; minPosition?: number; onDone(position: number): void }) {
  const { t } = useCommerceT();
  const { t: gt } = useI18n();
  const { api, session } = useSignedIn();
  const [account, setAccount] = useState<Account | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const id = customer.customerId;

  useEffect(() => {
    api.get<Account>(`/customers/${encodeURIComponent(id)}/account`, { minPosition }).then(
      (a) => { setAccount(a); setError(null); },
      (e) => setError(describeError(e, gt)),
    );
  }, [api, id, minPosition, gt]);

  const line = customer.productLine;
  return (
    <section className="card" aria-labelledby="account-title" data-testid="customer-account">
      <div className="card-header"><h2 id="account-title">{t('account')}</h2></div>
      <p className="hint">{t('accountIntro')}</p>
      <ErrorAlert error={error} />
      {account ? (
        <>
          <div className="stat-row"><div className="stat"><div className="stat-label">{t('balance')}</div><div className="stat-value" data-testid="account-balance">{yuan(account.balances[line] ?? 0)} 元</div></div></div>
          {account.movements.length === 0 ? <p className="empty">{t('movementsNone')}</p> : <MovementTable movements={account.movements} />}
        </>
      ) : null}
      {mayIssue(session.user, 'RecordReceipt') && customer.status !== 'disqualified' ? <RecordReceiptForm customer={customer} onRecorded={onDone} /> : null}
    </section>
  );
}

function MovementTable({ movements }: { movements: readonly Movement[] }) {
  const { t } = useCommerceT();
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="account-movements">
        <caption className="visually-hidden">{t('movements')}</caption>
        <thead><tr><th scope="col">{t('moveDate')}</th><th scope="col">{t('moveKind')}</th><th scope="col">{t('moveReference')}</th><th scope="col" className="num">{t('moveAmount')}</th><th scope="col" className="num">{t('moveBalance')}</th></tr></thead>
        <tbody>
          {movements.map((m, i) => (
            <tr key={`${m.at}-${i}`} data-kind={m.kind}>
              <td className="nowrap">{m.date}</td>
              <td>{t(`kind.${m.kind}`)}</td>
              <td>{m.reference.replace(/^bank-/, '')}</td>
              <td className="num">{m.amountFen > 0 ? '+' : ''}{yuan(m.amountFen)}</td>
              <td className="num">{yuan(m.balanceAfterFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const EMPTY = { transactionId: '', amount: '', receivedOn: '', reference: '' };

function RecordReceiptForm({ customer, onRecorded }: { customer: CustomerDetail; onRecorded(position: number): void }) {
  const { t } = useCommerceT();
  const { t: l } = useOnboardingLabels();
  const { api } = useSignedIn();
  const form = useRecordForm(EMPTY, { wording: RECEIPT_WORDING, draft: `customer/${customer.customerId}/receipt` });
  const [confirming, setConfirming] = useState(false);
  const transactionId = form.value('transactionId').trim();
  const body = {
    receiptId: transactionId ? receiptIdOf(transactionId) : '', productLine: customer.productLine, amount: numberOf(form.value('amount')),
    receivedOn: form.value('receivedOn'), reference: form.value('reference').trim(),
  };
  const amountText = body.amount === undefined ? '' : yuan(Math.round(body.amount * 100));

  function submit() {
    // the transaction number is the field the user types; the receipt id is made from it (empty: RecordReceipt's "required")
    setConfirming(form.check(RecordReceipt, body));
  }
  async function send() {
    const answer = await form.send(() => api.post<CommandAnswer>(`/customers/${encodeURIComponent(customer.customerId)}/receipts`, body), () => t('receiptRecorded', { amount: amountText, id: transactionId }), { reset: true });
    setConfirming(false);
    if (answer) onRecorded(answer.position);
  }

  // the receipt id is the transaction number's: a refusal of either lands beside the number
  const errors = { ...form.errors, transactionId: form.errors.transactionId ?? form.errors.receiptId };
  const shown = { ...form, errors };
  return (
    <RecordFormFrame title={t('recordReceipt')} intro={t('recordReceiptIntro')} onSubmit={submit}>
      <p>{t('productLine')}：<strong>{labelOr(l, `line.${customer.productLine}`)}</strong></p>
      <div className="form-row">
        <RecordField form={shown} name="transactionId" label={t('transactionId')} />
        <RecordField form={shown} name="amount" label={t('amount')} kind="number" step="0.01" hint={t('amountHint')} />
        <RecordField form={shown} name="receivedOn" label={t('receivedOn')} kind="date" />
        <RecordField form={shown} name="reference" label={t('reference')} hint={t('referenceHint')} />
      </div>
      {confirming
        ? <ConfirmStep question={t('receiptConfirm', { customer: customer.name, amount: amountText, id: transactionId })} confirmLabel={t('receiptConfirmButton')} busy={form.busy} onConfirm={() => void send()} onCancel={() => setConfirming(false)} />
        : <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{t('recordReceipt')}</button></div>}
      <FormOutcome form={form} />
    </RecordFormFrame>
  );
}
