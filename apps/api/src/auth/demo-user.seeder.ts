import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { API_RUNTIME, type ApiRuntime } from '../runtime';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import { UserDirectory } from './user-directory';

@Injectable()
export class DemoUserSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('demo-users');

  constructor(
    private readonly users: UserDirectory,
    @Inject(API_RUNTIME) private readonly runtime: ApiRuntime,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.runtime.seedDemoUsers) return;
    const now = this.runtime.clock.now();
    const created = await Promise.all(
      DEMO_USERS.map((user) => this.users.register({ ...user, password: DEMO_PASSWORD }, 'system:seed', now)),
    );
    const count = created.filter(Boolean).length;
    // the demo password is in README and on the sign-in page; a log line carries no password, not even that one
    if (count > 0) this.logger.log(`seeded ${count} demo users (their password: README, "Demo users")`);
  }
}
