import { useState } from 'react';
import type { ZodType } from 'zod';
import { useSignedIn } from '../../auth/session.context';
import { ConfirmStep, type FieldProps, FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import type { Wording } from './field-check';
import { type CommandAnswer, useRecordForm } from './use-record-form';
import { RECORD_WORDING } from '../customers/records/field-issues';

export type CommandField = Omit<FieldProps, 'form'>;

export interface CommandCardProps {
  title: string;
  intro?: string;
  fields: readonly CommandField[];
  initial?: Record<string, string>;
  /** the body from what was typed (by field name) */
  body(value: (name: string) => string): unknown;
  /** the domain's schema the API checks the body with: its rules, the console's words */
  schema: ZodType;
  /** where the body is posted… */
  path?: string;
  /** …or the call itself, spelt out where the caller can name its endpoint */
  call?(body: unknown): Promise<CommandAnswer>;
  submitLabel: string;
  /** what the card says once the command is stored; null when the page says it instead (the card goes away) */
  success: string | null;
  /** a destructive decision (驳回, 退回) asks first */
  confirm?: { question: string; label: string };
  danger?: boolean;
  /** the words for a failed check; the record forms' by default */
  wording?: Wording;
  onDone(position: number): void;
}

/**
 * One command as a small form: checked in the browser with the domain's schema (same rules and
 * messages as the API), typed values kept on a refusal, a confirmation first when it cannot be taken back.
 */
export function CommandCard(props: CommandCardProps) {
  const { api } = useSignedIn();
  const form = useRecordForm(props.initial ?? {}, { wording: props.wording ?? RECORD_WORDING });
  const [confirming, setConfirming] = useState(false);
  const body = () => props.body(form.value);

  async function send() {
    const answer = await form.send(() => (props.call ? props.call(body()) : api.post<CommandAnswer>(props.path ?? '', body())), () => props.success ?? '');
    setConfirming(false);
    if (answer) props.onDone(answer.position);
  }
  function submit() {
    if (!form.check(props.schema, body())) return;
    if (props.confirm) setConfirming(true);
    else void send();
  }

  return (
    <RecordFormFrame title={props.title} intro={props.intro} onSubmit={submit}>
      {props.fields.map((f) => <RecordField key={f.name} form={form} {...f} />)}
      <div className="toolbar">
        <button type="submit" className={`button ${props.danger || props.confirm ? 'button-danger' : 'button-primary'}`} disabled={form.busy || confirming}>{props.submitLabel}</button>
      </div>
      {confirming && props.confirm ? <ConfirmStep question={props.confirm.question} confirmLabel={props.confirm.label} busy={form.busy} onConfirm={() => void send()} onCancel={() => setConfirming(false)} /> : null}
      <FormOutcome form={form} />
    </RecordFormFrame>
  );
}
