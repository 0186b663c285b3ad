import { displayNameOf } from '../auth/display-name';
import { Injectable } from '@nestjs/common';
import { systemActorWording } from '@crm/audit';
import { ROLE_WORDING, type Wording } from '@crm/workflow-kit';
import { UserDirectory } from '../auth/user-directory';

/**
 * Who acted, as people name them: 王经理（客户经理）, from the user's stream as it stands now (a
 * renamed user reads by their current name; a removed role still shows the roles they hold now).
 * The raw username stays in the entry beside it, so nothing the auditor relies on is replaced.
 */
@Injectable()
export class ActorLabels {
  constructor(private readonly users: UserDirectory) {}

  async of(actors: Iterable<string>): Promise<Map<string, Wording>> {
    const labels = new Map<string, Wording>();
    for (const actor of new Set(actors)) labels.set(actor, await this.label(actor));
    return labels;
  }

  private async label(actor: string): Promise<Wording> {
    const system = systemActorWording(actor);
    if (system) return system;
    const user = await this.users.current(actor);
    if (!user) return { zh: actor, en: actor };
    // the demo users carry their role in English after the name ('王经理 (customer manager)'); the
    // label names the roles itself, in the reader's language
    const name = displayNameOf(user.name);
    const roles = user.roles.map((r) => ROLE_WORDING[r]);
    if (roles.length === 0) return { zh: name, en: name };
    return { zh: `${name}（${roles.map((r) => r.zh).join('、')}）`, en: `${name} (${roles.map((r) => r.en).join(', ')})` };
  }
}
