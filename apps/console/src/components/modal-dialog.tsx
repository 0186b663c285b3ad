import { useEffect, useId, useRef, type ReactNode } from 'react';
import './components.css';

interface Props {
  title: string;
  /** what Escape does (the dialog's cancel button) */
  onCancel(): void;
  children: ReactNode;
  testId?: string;
}

/**
 * A modal `<dialog>` opened with showModal(): the page under it stays mounted but inert, focus
 * stays inside, Escape cancels. Shared by the sign-in dialog and the confirmations.
 */
export function ModalDialog({ title, onCancel, children, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = `${useId()}-title`;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal-dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
