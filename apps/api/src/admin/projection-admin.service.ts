import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ProjectionRunner } from '@crm/engine';
import { EVENT_STORE, type EventStore } from '@crm/event-store';
import { PROJECTION_RUNNER } from '../read-models/read-model.tokens';

export interface RebuildState {
  name: string;
  position: number;
  target: number;
  startedAt: string;
  finishedAt: string | null;
  events: number | null;
  ms: number | null;
  error: string | null;
}

/** Runs rebuilds in the background and keeps their progress for `GET /admin/projections`. */
@Injectable()
export class ProjectionAdminService {
  private readonly logger = new Logger('projections');
  private readonly rebuilds = new Map<string, RebuildState>();

  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async overview() {
    const head = await this.store.headPosition();
    const projections = await Promise.all(
      this.runner.status().map(async (status) => {
        const checkpoint = await this.runner.checkpoint(status.name);
        const position = checkpoint?.position ?? 0;
        return { ...status, position, lag: head - position, rebuild: this.rebuilds.get(status.name) ?? null };
      }),
    );
    return { headPosition: head, projections };
  }

  /** Starts a rebuild unless one is running; answers at once with its state. */
  start(name: string): RebuildState {
    const running = this.rebuilds.get(name);
    if (running && running.finishedAt === null) return running;
    const state: RebuildState = { name, position: 0, target: 0, startedAt: new Date().toISOString(), finishedAt: null, events: null, ms: null, error: null };
    this.rebuilds.set(name, state);
    this.runner
      .rebuild(name, (p) => Object.assign(state, { position: p.position, target: p.target }))
      .then(({ events, ms }) => Object.assign(state, { events, ms, finishedAt: new Date().toISOString() }))
      .catch((error: Error) => {
        this.logger.error(`rebuild of ${name} failed: ${error.stack ?? error.message}`);
        Object.assign(state, { error: error.message, finishedAt: new Date().toISOString() });
      });
    return state;
  }

  /** Resolves when the named rebuild has finished (tests, CLI-like callers). */
  async settled(name: string, timeoutMs = 60_000): Promise<RebuildState> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = this.rebuilds.get(name);
      if (!state || state.finishedAt !== null || Date.now() > deadline) return state as RebuildState;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
