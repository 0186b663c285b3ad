export interface ConfigIssue {
  /** the environment variable at fault, e.g. `EVENT_STORE` */
  variable: string;
  message: string;
}

/** Every bad variable at once, so an operator fixes the environment in one go. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(`invalid configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}`);
  }
}
