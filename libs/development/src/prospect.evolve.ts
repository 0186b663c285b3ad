import type { ProspectContext } from './prospect.context';
import type { ProspectEvent } from './prospect.events';

/** How each prospect event changes the context (the machine's only action). */
export function evolveProspect(context: ProspectContext, event: ProspectEvent): ProspectContext {
  switch (event.type) {
    case 'ProspectRegistered': {
      const { by: _by, role: _role, at: _at, ...archive } = event.data;
      return { ...context, ...archive };
    }
    case 'ProspectUpdated':
      return { ...context, ...Object.fromEntries(Object.entries(event.data.changes).map(([field, change]) => [field, change?.after])) };
    case 'ProspectConverted':
      return { ...context, applicationId: event.data.applicationId };
    case 'ProspectDropped':
      return { ...context, dropReason: event.data.reason };
    default:
      return context;
  }
}
