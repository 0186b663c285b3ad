/** A name people read, in both languages the product speaks; Chinese first, the policies' own words. */
export interface Wording {
  readonly zh: string;
  readonly en: string;
}

export type Language = keyof Wording;
