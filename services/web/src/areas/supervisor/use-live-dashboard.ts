import { onBeforeUnmount, ref } from 'vue';
import type { Dashboard } from '../../../../../contracts/dashboard';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'offline';

const MAX_WAIT_MS = 30_000;

/**
 * The dashboard kept current by the server's event stream: each `dashboard`
 * event is the whole figure set, so a missed one costs nothing. The browser
 * retries a dropped stream by itself (resuming from the last event id); when
 * it gives up (the server answered an error), this opens a new one after a
 * growing pause, and at once when the network comes back.
 */
export function useLiveDashboard(urlOf: () => string, onFigures: (figures: Dashboard) => void) {
  const state = ref<LiveState>('connecting');
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;

  function close(): void {
    clearTimeout(timer);
    source?.close();
    source = undefined;
  }

  function open(): void {
    close();
    stopped = false;
    state.value = failures > 0 ? 'reconnecting' : 'connecting';
    const mine = (source = new EventSource(urlOf(), { withCredentials: true }));
    mine.onopen = () => {
      failures = 0;
      state.value = 'live';
    };
    mine.addEventListener('dashboard', (event) => {
      state.value = 'live';
      try {
        onFigures(JSON.parse((event as MessageEvent<string>).data) as Dashboard);
      } catch {
        // A malformed event is skipped; the next one carries every figure again.
      }
    });
    mine.onerror = () => {
      if (mine !== source) return;
      if (mine.readyState === EventSource.CONNECTING) {
        state.value = 'reconnecting';
        return;
      }
      // Closed for good by the browser: try again later, waiting longer each time.
      failures += 1;
      state.value = 'reconnecting';
      mine.close();
      timer = setTimeout(open, Math.min(MAX_WAIT_MS, 1000 * 2 ** Math.min(failures, 5)));
    };
  }

  function stop(): void {
    stopped = true;
    close();
    state.value = 'offline';
  }

  const backOnline = () => {
    if (!stopped && state.value !== 'live') {
      failures = Math.max(failures, 1);
      open();
    }
  };
  window.addEventListener('online', backOnline);
  onBeforeUnmount(() => {
    window.removeEventListener('online', backOnline);
    stopped = true;
    close();
  });

  return { state, restart: open, stop };
}
