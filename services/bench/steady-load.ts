import type { Load } from './http-bench.js';

/**
 * Requests sent on a fixed timetable, `rate` a second for `seconds`, each
 * when its time comes whether or not earlier ones have been answered (an
 * open loop: a slow answer delays no later request, so it cannot hide the
 * wait the requests behind it would have had). Latency runs from the
 * request's timetabled moment to its answer's last byte.
 */
export async function steadyLoad(name: string, url: string, init: RequestInit, rate: number, seconds: number): Promise<Load> {
  const count = Math.round(rate * seconds);
  const everyMs = 1000 / rate;
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const due = start + i * everyMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      fetch(url, init).then(async (response) => {
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${name}: ${response.status}`);
        latencies.push(performance.now() - due);
      }),
    );
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]! * 10) / 10;
  return { rate, p50Ms: at(0.5), p99Ms: at(0.99) };
}
