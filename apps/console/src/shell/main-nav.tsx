import { useEffect, useRef, useState } from 'react';
import { useSession } from '../auth/session.context';
import { hasAnyRole } from '../auth/session';
import { FEATURES, featurePath } from '../features/feature-catalogue';
import { hasPage } from '../features/feature-pages';
import { useI18n } from '../i18n/i18n.context';
import { Link, useLocation } from '../router/hash-router';
import { navEntries, type NavGroupId } from './nav-groups';
import { useTaskCount } from './task-count';

interface NavItem { key: string; to: string; label: string }

/**
 * Every page the user may open, in a few menus (客户 · 客户关系 · 销售 · 管理) so the header keeps
 * one row on a laptop; below 1100 px everything folds behind a menu button, the menus opened out
 * under their names (CSS decides which shows).
 */
export function MainNav() {
  const { t } = useI18n();
  const { session } = useSession();
  const { segments, path } = useLocation();
  const tasks = useTaskCount();
  const [open, setOpen] = useState(false);
  const [group, setGroup] = useState<NavGroupId | null>(null);
  const nav = useRef<HTMLElement>(null);
  useEffect(() => (setOpen(false), setGroup(null)), [path]); // a link followed closes the menus
  useEffect(() => {
    if (!open && !group) return undefined;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && (setOpen(false), setGroup(null));
    const onPointer = (event: MouseEvent) => !nav.current?.contains(event.target as Node) && setGroup(null);
    window.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onPointer);
    return () => (window.removeEventListener('keydown', onKey), document.removeEventListener('mousedown', onPointer));
  }, [open, group]);
  if (!session || session.mustChangePassword) return null; // nothing to open until the temporary password is changed
  const live = FEATURES.filter((f) => hasPage(f.id) && hasAnyRole(session.user, f.roles));
  const current = segments[0] ?? '';
  const items: NavItem[] = [{ key: '', to: '/', label: t('nav.home') }, ...live.map((f) => ({ key: f.id, to: featurePath(f.id), label: t(`feature.${f.id}.title`) }))];
  const link = (item: NavItem) => (
    <Link key={item.key} to={item.to} className="nav-link" aria-current={current === item.key ? 'page' : undefined}>
      {item.label}
      {item.key === 'inbox' && tasks ? (
        <span className="badge badge-primary nav-count" data-testid="nav-task-count" aria-label={t('nav.taskCount', { n: tasks })}>{tasks}</span>
      ) : null}
    </Link>
  );
  return (
    <>
      <button type="button" className="button button-ghost nav-toggle" aria-expanded={open} aria-controls="main-nav" onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">☰</span>
        <span className="nav-toggle-label">{t('nav.menu')}</span>
      </button>
      <nav ref={nav} id="main-nav" className={open ? 'main-nav main-nav-open' : 'main-nav'} aria-label={t('nav.main')}>
        {navEntries(items).map((entry) => {
          if (entry.kind === 'link') return link(entry.item);
          const label = t(`nav.group.${entry.id}`);
          const expanded = group === entry.id;
          const holdsCurrent = entry.items.some((i) => i.key === current);
          return (
            <div key={entry.id} className={expanded ? 'nav-group nav-group-open' : 'nav-group'}>
              <button type="button" className="nav-link nav-group-button" aria-expanded={expanded} aria-controls={`nav-group-${entry.id}`}
                data-current={holdsCurrent || undefined} onClick={() => setGroup(expanded ? null : entry.id)}>
                {label} <span aria-hidden="true">▾</span>
              </button>
              <span className="nav-group-title" aria-hidden="true">{label}</span>
              <div id={`nav-group-${entry.id}`} className="nav-group-items">
                {entry.items.map(link)}
              </div>
            </div>
          );
        })}
      </nav>
    </>
  );
}
