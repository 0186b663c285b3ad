import { useEffect, useRef, useState } from 'react';
import { localMessages } from '../i18n/local-messages';
import { extrapolateLeft, splitWorkingTime, clockText, workingRate, type WorkingTimeSample } from './working-time';
import './components.css';

const useT = localMessages({
  'zh-CN': {
    left: '剩余 {h} 工作小时 {m} 分 {s} 秒',
    overdue: '已超时 {h} 工作小时 {m} 分 {s} 秒',
    running: '计时中（仅计工作时间）',
    paused: '计时暂停（非工作时间，或服务器时钟未走）',
    waiting: '正在同步服务器时间…',
    stopped: '已告知客户，时限计时已停止',
    leftShort: '剩余',
    overdueShort: '超时',
  },
  en: {
    left: '{h} working hours {m} min {s} s left',
    overdue: 'overdue by {h} working hours {m} min {s} s',
    running: 'counting down (working time only)',
    paused: 'paused (outside working hours, or the service clock stands still)',
    waiting: 'syncing with the service clock…',
    stopped: 'customer told: the SLA clock has stopped',
    leftShort: 'left',
    overdueShort: 'overdue',
  },
});

interface Props {
  /** working time left per the API (null when the clock is not running) */
  leftMs: number | null;
  /** the API's clock when it answered */
  serverNow: string;
  /** changes with every answer (even an identical one: that is what shows the clock standing still) */
  sampledAt: number;
  /** how far past the last answer the display may run (a bit more than the poll interval) */
  maxAheadMs?: number;
  compact?: boolean;
}

/**
 * A live countdown of working time, ticking every second between the API's answers (see
 * working-time.ts for why the console samples rather than computes working time itself).
 */
export function WorkingCountdown({ leftMs, serverNow, sampledAt, maxAheadMs = 8_000, compact = false }: Props) {
  const { t } = useT();
  const samples = useRef<{ previous: WorkingTimeSample | null; last: WorkingTimeSample | null; sampledAt: number }>({ previous: null, last: null, sampledAt: -1 });
  const [, setTick] = useState(0);

  if (leftMs !== null && samples.current.sampledAt !== sampledAt) {
    samples.current = { previous: samples.current.last, last: { leftMs, serverNow, seenAt: performance.now() }, sampledAt };
  }
  useEffect(() => {
    const timer = window.setInterval(() => setTick((n) => n + 1), 1000);
    return () => window.clearInterval(timer);
  }, []);

  const { previous, last } = samples.current;
  if (leftMs === null || !last) return <span className="countdown countdown-stopped">{t('stopped')}</span>;
  const now = extrapolateLeft(previous, last, performance.now(), maxAheadMs);
  const p = splitWorkingTime(now);
  const rate = workingRate(previous, last);
  const tone = p.overdue ? 'countdown-overdue' : now < 3_600_000 ? 'countdown-soon' : 'countdown-ok';
  const words = t(p.overdue ? 'overdue' : 'left', { h: p.hours, m: p.minutes, s: p.seconds });
  if (compact) {
    return (
      <span className={`countdown countdown-compact ${tone}`} title={words} data-testid="countdown">
        <span className="visually-hidden">{words}</span>
        <span aria-hidden="true">
          {t(p.overdue ? 'overdueShort' : 'leftShort')} <span className="countdown-clock">{clockText(now)}</span>
        </span>
      </span>
    );
  }
  return (
    <div className={`countdown ${tone}`} data-testid="countdown">
      <div className="countdown-clock countdown-big" role="timer" aria-label={words}>
        {clockText(now)}
      </div>
      <div className="countdown-words">{words}</div>
      <div className="countdown-state small">{rate === null ? t('waiting') : rate > 0 ? t('running') : t('paused')}</div>
    </div>
  );
}
