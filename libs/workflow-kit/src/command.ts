import type { Actor } from './actor';

/**
 * What travels with every command besides its payload. Time is an input (`now`), never read
 * inside the domain, so deciders stay pure and deadlines can be tested with a fixed clock.
 */
export interface CommandMeta {
  actor: Actor;
  /** ISO 8601 instant at which the command is issued */
  now: string;
  /** repeating a command with the same key returns the first result and writes nothing */
  idempotencyKey?: string;
  correlationId?: string;
  causationId?: string;
  /** the command brings an existing record in from a file (a migration): stored on its events' metadata, shown by the audit */
  importedFrom?: ImportOrigin;
}

/** Where an imported command's facts came from: the file (its name and sha-256) and the row as the sheet numbers it. */
export interface ImportOrigin {
  file: string;
  sha256: string;
  line: number;
}

export interface Command<TType extends string = string, TData = unknown> {
  type: TType;
  data: TData;
  meta: CommandMeta;
}

export type AnyCommand = Command<string, any>;
