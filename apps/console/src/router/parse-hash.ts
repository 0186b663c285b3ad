/**
 * Routes live in the URL's hash (`/#/calendar`), so the API serves one index.html at `/` and
 * never needs a catch-all route that could shadow its own GET endpoints.
 */
export interface Location {
  /** '/calendar/deadline' (always starts with '/') */
  path: string;
  /** ['calendar', 'deadline'] */
  segments: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Location {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart, queryPart = ''] = raw.split('?', 2);
  const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
  const segments = path.split('/').filter(Boolean).map(decodeSegment);
  return { path, segments, query: new URLSearchParams(queryPart) };
}

// A hand-typed `%` must not crash the console: keep the segment as typed.
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
