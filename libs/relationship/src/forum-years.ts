/** R-FORUM-1 for one year: held, missed (the year is over without one), or still due. */
export interface ForumYear {
  year: number;
  forums: number;
  status: 'held' | 'missed' | 'due';
}

/**
 * R-FORUM-1, at least one forum a year, as of `asOf` (a YYYY-MM-DD the caller supplies: the
 * domain has no clock). Years from `fromYear` to asOf's year; the running year is `due` until one
 * is held. Forums held after `asOf` are not yet known at that date and are not counted.
 */
export function forumYears(heldOn: readonly string[], fromYear: number, asOf: string): ForumYear[] {
  const lastYear = Number(asOf.slice(0, 4));
  const years: ForumYear[] = [];
  for (let year = fromYear; year <= lastYear; year++) {
    const forums = heldOn.filter((d) => d <= asOf && Number(d.slice(0, 4)) === year).length;
    years.push({ year, forums, status: forums > 0 ? 'held' : year < lastYear ? 'missed' : 'due' });
  }
  return years;
}
