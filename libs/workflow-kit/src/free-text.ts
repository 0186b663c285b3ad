import { z } from 'zod';

/**
 * Characters no one types into a business form but that change how text reads: C0/C1 controls
 * (tab, line feed and carriage return excepted, for multi-line remarks), bidi embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069, U+061C, U+200E/F), zero-width and
 * invisible characters (U+200B–U+200D, U+2060–U+2064, U+FEFF, U+180E, U+00AD) and interlinear
 * annotations. A right-to-left override in a name or remark shows a reviewer or an auditor text
 * other than what is stored ("Trojan Source"); zero-width characters make two names look the same.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/u;

export const UNSAFE_TEXT_MESSAGE = 'must not contain control, bidirectional-override or zero-width characters';

/** The first unsafe character as U+XXXX, or null. */
export function unsafeCharacter(text: string): string | null {
  const found = UNSAFE.exec(text);
  return found ? `U+${(found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}

/** Adds the refusal to any string schema (`safeText(z.string().max(50))`). */
export function safeText<T extends z.ZodType<string | null | undefined>>(schema: T) {
  return schema.superRefine((value, ctx) => {
    const found = typeof value === 'string' ? unsafeCharacter(value) : null;
    if (found) ctx.addIssue({ code: 'custom', message: `${UNSAFE_TEXT_MESSAGE} (found ${found})` });
  });
}

/** A required free-text field of a command: trimmed, 1..max characters, no unsafe characters. */
export const freeText = (max: number) => safeText(z.string().trim().min(1).max(max));

/** A free-text field that may be empty (comments): trimmed, up to max characters. */
export const optionalText = (max: number) => safeText(z.string().trim().max(max));
