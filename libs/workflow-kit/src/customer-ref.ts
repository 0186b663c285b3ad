/**
 * A customer a command concerns. The workflow says which (pure: from the command and the state);
 * the engine's command guards check, before anything is decided, that the customer exists and that
 * the actor may work on it (R-KAM-2: one customer manager per customer), so no workflow, import or
 * correction path carries its own copy of the ownership rule.
 */
export interface CustomerRef {
  customerId: string;
  /** the command field that names it: an unknown customer is refused (422) at this field; without one, 404 */
  field?: string;
  /** the customer must exist, but any manager may name it (a violation reported on someone else's customer) */
  anyManager?: boolean;
}
