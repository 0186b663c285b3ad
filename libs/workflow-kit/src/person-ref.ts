import type { Role } from './actor';

/**
 * A person a command names for a part the workflow gives them (the customer manager of a new
 * customer, a resolution's handler, a reassigned reviewer, the reviewer a delegate acts for). The
 * workflow declares it, pure; the engine's command guard checks, when the command is decided, that
 * the person exists, is active and holds one of `roles`, so no path can name someone who cannot act
 * (a form naming the general manager as customer manager would wait at the GM step forever).
 */
export interface PersonRef {
  userId: string;
  /** the person must hold at least one of these */
  roles: readonly Role[];
  /** the command field that names them: refused (422) at this field */
  field: string;
  /** the rule the part comes from, cited in the refusal */
  ruleId: string;
}
