import { useEffect, useRef, type ReactNode } from 'react';

/**
 * Every page's h1. It takes the focus when the page opens, so keyboard and screen-reader users
 * land on the new page instead of staying on the link they followed.
 */
export function PageHeading({ children, subtitle }: { children: ReactNode; subtitle?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <header className="page-heading">
      <h1 ref={ref} tabIndex={-1}>
        {children}
      </h1>
      {subtitle ? <p className="page-subtitle">{subtitle}</p> : null}
    </header>
  );
}
