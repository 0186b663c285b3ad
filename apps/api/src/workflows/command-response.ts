import type { CommandResult } from '@crm/engine';

/** What every command endpoint answers: the new state and the position to wait for in queries. */
export function commandResponse(id: string, result: CommandResult) {
  return {
    id,
    streamId: result.streamId,
    state: result.state.state,
    done: result.state.done,
    revision: result.revision,
    position: result.position,
    replayed: result.replayed,
    events: result.events.map((e) => ({ id: e.id, type: e.type, revision: e.revision, position: e.position })),
  };
}
