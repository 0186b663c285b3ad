/**
 * A short WebAudio beep for live alerts. Browsers only let a page make sound after the user has
 * interacted with it, so the context is created (or resumed) from a click: `unlockAudio()`.
 */
let context: AudioContext | null = null;

export type BeepOutcome = 'played' | 'muted' | 'blocked';

export function unlockAudio(): void {
  try {
    context ??= new AudioContext();
    void context.resume();
  } catch {
    context = null; // no audio device or no WebAudio: alerts stay visual
  }
}

/** One tone for a warning, two rising tones for a breach (distinguishable without looking). */
export function beep(kind: 'warning' | 'breach', muted: boolean): BeepOutcome {
  if (muted) return 'muted';
  const ctx = context;
  if (!ctx || ctx.state !== 'running') return 'blocked';
  const tones = kind === 'breach' ? [880, 1320] : [660];
  tones.forEach((frequency, i) => tone(ctx, frequency, ctx.currentTime + i * 0.18));
  return 'played';
}

function tone(ctx: AudioContext, frequency: number, at: number): void {
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  // a quick fade in and out: no click at the start, gone in 150 ms
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.25, at + 0.015);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.15);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.start(at);
  oscillator.stop(at + 0.16);
}
