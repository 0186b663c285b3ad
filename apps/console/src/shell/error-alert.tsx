import type { ErrorDescription } from '../api/describe-error';

/** An error as the user reads it: the message first, the support details small beneath. */
export function ErrorAlert({ error, id }: { error: ErrorDescription | null; id?: string }) {
  if (!error) return null;
  return (
    <div id={id} className="alert alert-error" role="alert">
      <div className="alert-message">{error.message}</div>
      {error.details ? <div className="alert-details">{error.details}</div> : null}
    </div>
  );
}
