/** What a command may write to; tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** whether stderr is a terminal (progress bars redraw in place only there) */
  interactive: boolean;
  env: Record<string, string | undefined>;
  /** the operator's clock (what "a closed year" means); tests fix it */
  now?: () => Date;
}

/** One operator command: `npm run cli -- <name> [args]`. Returns the process exit code. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** `--name value` options and positional arguments, nothing cleverer. */
export function parseArgs(args: string[], valued: readonly string[]): { positional: string[]; options: Record<string, string>; unknown: string[] } {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) positional.push(arg);
    else if (valued.includes(arg.slice(2)) && i + 1 < args.length) options[arg.slice(2)] = args[++i];
    else unknown.push(arg);
  }
  return { positional, options, unknown };
}
