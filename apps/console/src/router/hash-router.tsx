import { useSyncExternalStore, type AnchorHTMLAttributes } from 'react';

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

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;

export function parseHash(hash: string): Location {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart, queryPart = ''] = raw.split('?', 2);
  const path = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { path, segments, query: new URLSearchParams(queryPart) };
}

export function useLocation(): Location {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return parseHash(hash);
}

export function href(path: string): string {
  return `#${path.startsWith('/') ? path : `/${path}`}`;
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.location.replace(href(path));
  else window.location.hash = href(path);
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** A real `<a href="#/…">`: keyboard, middle-click and "copy link" all work. */
export function Link({ to, ...rest }: LinkProps) {
  return <a href={href(to)} {...rest} />;
}
