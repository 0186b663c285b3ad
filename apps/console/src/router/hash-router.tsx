import { useSyncExternalStore, type AnchorHTMLAttributes } from 'react';
import { parseHash, type Location } from './parse-hash';

export type { Location };

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;

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
