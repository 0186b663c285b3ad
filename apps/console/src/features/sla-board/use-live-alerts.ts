import { useCallback, useEffect, useRef, useState } from 'react';
import { useEventStream, type StreamStatus } from '../../api/event-stream';
import { useSignedIn } from '../../auth/session.context';
import { beep, type BeepOutcome, unlockAudio } from '../../components/beep';
import { ALERT_EVENTS, type SlaAlert } from './sla.api';

export interface LiveAlert extends SlaAlert {
  /** what the beep did for this alert (shown, and read by the browser test) */
  sound: BeepOutcome;
  /** still shown as a toast */
  toast: boolean;
}

const MUTE_KEY = 'crm.console.sla.muted';
const TOAST_MS = 12_000;

/**
 * The SLA alert stream for this page's lifetime: each new warning or breach is kept (newest
 * first, once per alert id: a reconnect resumes by Last-Event-ID, but be safe), toasted, and
 * beeped unless muted; `onAlert` lets the page refresh the board.
 */
export function useLiveAlerts(onAlert: (alert: SlaAlert) => void) {
  const { api } = useSignedIn();
  const [alerts, setAlerts] = useState<LiveAlert[]>([]);
  const [muted, setMuted] = useState(() => localStorage.getItem(MUTE_KEY) === 'true');
  const mutedRef = useRef(muted);
  mutedRef.current = muted;
  const seen = useRef(new Set<string>());

  const receive = useCallback(
    (data: unknown) => {
      const alert = data as SlaAlert;
      if (!alert?.id || seen.current.has(alert.id)) return;
      seen.current.add(alert.id);
      const sound = beep(alert.kind, mutedRef.current);
      setAlerts((old) => [{ ...alert, sound, toast: true }, ...old]);
      window.setTimeout(() => setAlerts((old) => old.map((a) => (a.id === alert.id ? { ...a, toast: false } : a))), TOAST_MS);
      onAlert(alert);
    },
    [onAlert],
  );
  const status: StreamStatus = useEventStream(api, '/sla/alerts/stream', { [ALERT_EVENTS.warning]: receive, [ALERT_EVENTS.breach]: receive });

  // any click on the page counts as the user's permission for sound
  useEffect(() => {
    const unlock = () => unlockAudio();
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, []);

  const toggleMute = () => {
    unlockAudio();
    setMuted((m) => {
      localStorage.setItem(MUTE_KEY, String(!m));
      return !m;
    });
  };
  const dismiss = (id: string) => setAlerts((old) => old.map((a) => (a.id === id ? { ...a, toast: false } : a)));
  return { alerts, status, muted, toggleMute, dismiss };
}
