import type { Role } from '@crm/workflow-kit';
import type { Locale } from '../locale';

/** Who holds a live stream and on what grounds: re-checked on every heartbeat. */
export interface StreamSession {
  username: string;
  token: string;
  /** roles the endpoint admits; the user must still hold one */
  roles: readonly Role[];
  locale: Locale;
}
