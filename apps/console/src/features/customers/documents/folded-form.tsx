import { type ReactNode, useState } from 'react';
import type { RecordForm } from '../../record-kit/use-record-form';

/**
 * A secondary command of the archive folded under its title (like CommandForm's `collapsed`), so the
 * decisions waiting on the page stay in view; a draft kept from before opens it.
 */
export function FoldedForm({ form, title, intro, onSubmit, children }: { form: RecordForm; title: string; intro?: string; onSubmit(): void; children: ReactNode }) {
  const [open] = useState(() => form.draft.restored && form.draft.dirty);
  return (
    <details className="command-details" open={open || undefined}>
      <summary>{title}</summary>
      <form className="command-form" aria-label={title} noValidate onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
        {intro ? <p className="hint">{intro}</p> : null}
        {children}
      </form>
    </details>
  );
}
