// Debounced async work where only the latest call matters: each new call aborts the previous request.
import { isAbort } from '../api.ts';

export const DEFAULT_DEBOUNCE_MS = 250;

export interface LatestOnly<A> {
  (arg: A): void;
  /** Runs now, skipping the wait (Enter key, filter clicks). */
  now(arg: A): void;
  cancel(): void;
}

export function latestOnly<A>(
  work: (arg: A, signal: AbortSignal) => Promise<void>,
  onError: (err: unknown) => void,
  delayMs = DEFAULT_DEBOUNCE_MS,
): LatestOnly<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: AbortController | undefined;
  const run = (arg: A) => {
    clearTimeout(timer);
    inflight?.abort();
    const ctl = new AbortController();
    inflight = ctl;
    work(arg, ctl.signal).catch((err: unknown) => {
      if (!isAbort(err) && !ctl.signal.aborted) onError(err);
    });
  };
  const fn = ((arg: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => run(arg), delayMs);
  }) as LatestOnly<A>;
  fn.now = run;
  fn.cancel = () => {
    clearTimeout(timer);
    inflight?.abort();
  };
  return fn;
}
