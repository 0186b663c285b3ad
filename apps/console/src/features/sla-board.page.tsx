import { useCallback, useEffect, useMemo, useState } from 'react';
import { describeError, type ErrorDescription } from '../api/describe-error';
import { useSignedIn } from '../auth/session.context';
import { formatInstant } from '../format/shanghai-time';
import { useI18n } from '../i18n/i18n.context';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeading } from '../shell/page-heading';
import type { FeaturePageProps } from './feature-pages';
import { AlertFeed, AlertToasts } from './sla-board/alert-feed';
import { BoardTable, BreachedList } from './sla-board/board-table';
import { BreachCharts } from './sla-board/breach-charts';
import { lastMonths } from './sla-board/breach-rates';
import { slaApi, type SlaAlert, type SlaBoard, type StatsCell } from './sla-board/sla.api';
import { useSlaT } from './sla-board/sla-board.messages';
import { useLiveAlerts } from './sla-board/use-live-alerts';
import '../components/components.css';
import './sla-board/sla-board.css';

/** The board is read again this often to re-anchor the countdowns; alerts themselves are pushed. */
const POLL_MS = 15_000;
const FLASH_MS = 10_000;

/** The supervisor's SLA board: what is about to run out, what has, live alerts, breach rates. */
export default function SlaBoardPage(_props: FeaturePageProps) {
  const st = useSlaT();
  const { t } = useI18n();
  const { api } = useSignedIn();
  const [board, setBoard] = useState<(SlaBoard & { sampledAt: number }) | null>(null);
  const [stats, setStats] = useState<{ months: string[]; cells: StatsCell[] } | null>(null);
  const [earlier, setEarlier] = useState<SlaAlert[]>([]);
  const [flashed, setFlashed] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<ErrorDescription | null>(null);

  const load = useCallback(
    async (minPosition?: number) => {
      try {
        const next = await slaApi.board(api, minPosition);
        const months = lastMonths(formatInstant(next.now).slice(0, 7), 12);
        const { items } = await slaApi.stats(api, months[0], months[months.length - 1], minPosition);
        setBoard({ ...next, sampledAt: performance.now() });
        setStats({ months, cells: items });
        setError(null);
      } catch (e) {
        setError(describeError(e, t));
      }
    },
    [api, t],
  );

  const onAlert = useCallback(
    (alert: SlaAlert) => {
      setFlashed((old) => new Set(old).add(alert.complaintId));
      window.setTimeout(() => setFlashed((old) => new Set([...old].filter((id) => id !== alert.complaintId))), FLASH_MS);
      void load(alert.position);
    },
    [load],
  );
  const live = useLiveAlerts(onAlert);
  // a live alert carries the customer's id only: its name is on the board the alert is about
  const named = useNamedAlerts(board);

  useEffect(() => {
    void load();
    slaApi.alerts(api).then((r) => setEarlier(r.items.slice(-10).reverse()), () => setEarlier([]));
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [api, load]);

  return (
    <div className="sla-page">
      <div className="page-top">
        <PageHeading subtitle={st.t('subtitle')}>{t('feature.sla-board.title')}</PageHeading>
        <div className="toolbar">
          <span className={`stream-status stream-${live.status}`} role="status" data-testid="stream-status" data-status={live.status}>
            <span className="stream-dot" aria-hidden="true" />
            {st.t(`stream.${live.status}`)}
          </span>
          <button type="button" className="button button-secondary" aria-pressed={!live.muted} onClick={live.toggleMute} data-testid="sound-toggle">
            <SoundIcon muted={live.muted} /> {st.t(live.muted ? 'soundOff' : 'soundOn')}
          </button>
        </div>
      </div>
      <AlertToasts st={st} alerts={live.alerts.map(named)} onDismiss={live.dismiss} />
      {live.alerts[0]?.sound === 'blocked' ? <p className="alert alert-warning">{st.t('soundBlocked')}</p> : null}
      <ErrorAlert error={error} />
      <div className="sla-layout">
        <div className="stack">
          {board ? <BoardTable st={st} board={board} sampledAt={board.sampledAt} flashed={flashed} pollMs={POLL_MS} /> : <p className="muted">{t('app.loading')}</p>}
          {stats ? <BreachCharts st={st} cells={stats.cells} months={stats.months} /> : null}
        </div>
        <div className="stack">
          <AlertFeed st={st} live={live.alerts.map(named)} earlier={earlier.map(named)} />
          {board ? <BreachedList st={st} board={board} /> : null}
        </div>
      </div>
    </div>
  );
}

function useNamedAlerts(board: SlaBoard | null): <A extends SlaAlert>(alert: A) => A {
  const names = useMemo(() => {
    const rows = [...(board?.open ?? []), ...(board?.breached ?? [])];
    return new Map(rows.flatMap((r) => (r.customerName ? [[r.customerId, r.customerName] as const] : [])));
  }, [board]);
  return useCallback(<A extends SlaAlert>(alert: A): A => (alert.customerName || !alert.customerId ? alert : { ...alert, customerName: names.get(alert.customerId) ?? null }), [names]);
}

function SoundIcon({ muted }: { muted: boolean }) {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M11 5 6 9H2v6h4l5 4z" fill="currentColor" />
      {muted ? <path d="m16 9 6 6m0-6-6 6" /> : <path d="M15.5 8.5a5 5 0 0 1 0 7M19 5a10 10 0 0 1 0 14" />}
    </svg>
  );
}
