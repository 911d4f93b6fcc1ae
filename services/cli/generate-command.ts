import { parseArgs } from 'node:util';
import { openEventStore } from '../event-store/open-store.js';
import { DEFAULT_FROM, DEFAULT_TO, generateHistory } from '../generator/index.js';

/**
 * `npm run cli -- generate --cases N [--seed S] [--from DATE --to DATE] [--concurrency C]`
 *
 * Writes made-up case histories through the case service into the log of
 * DATA_DIR (or EVENTSTORE_URL), for demos, tests and benchmarks. A DATE is
 * a day in China time (2026-03-01) or an ISO-8601 instant; `--to` is
 * exclusive, a day meaning its start. Same seed and dates, same events.
 */
const usage = 'usage: npm run cli -- generate --cases N [--seed S] [--from DATE --to DATE] [--concurrency C]';

/** A bare date is that day's start in China (UTC+8). */
function instantOf(value: string | undefined, fallback: string): string | undefined {
  if (value === undefined) return fallback;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export async function generateCommand(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { cases: { type: 'string' }, seed: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, concurrency: { type: 'string' } },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  const cases = Number(values.cases);
  const concurrency = values.concurrency === undefined ? 64 : Number(values.concurrency);
  const from = instantOf(values.from, DEFAULT_FROM);
  const to = instantOf(values.to, DEFAULT_TO);
  const problems = [
    ...(values.cases === undefined || !Number.isInteger(cases) || cases < 0 ? ['--cases must be a whole number, 0 or more'] : []),
    ...(!Number.isInteger(concurrency) || concurrency < 1 ? ['--concurrency must be a whole number, 1 or more'] : []),
    ...(from === undefined ? ['--from must be a date (2026-03-01) or an ISO-8601 instant'] : []),
    ...(to === undefined ? ['--to must be a date (2026-03-01) or an ISO-8601 instant'] : []),
    ...(from && to && Date.parse(to) - Date.parse(from) < 86_400_000 ? ['--to must be at least a day after --from'] : []),
  ];
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n${usage}\n`);
    return 2;
  }
  const store = await openEventStore({ dataDir: process.env.DATA_DIR ?? './data' });
  const started = performance.now();
  // About twenty progress lines, whatever N is.
  const every = Math.max(1, Math.ceil(cases / 20));
  let reported = 0;
  try {
    const result = await generateHistory(store, {
      cases, seed: values.seed, from, to, concurrency,
      onProgress: ({ cases: done, commands }) => {
        if (done - reported < every && done < cases) return;
        reported = done;
        const rate = Math.round(commands / ((performance.now() - started) / 1000));
        process.stderr.write(`generate: ${done}/${cases} cases, ${commands} commands (${rate}/s)\n`);
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `${JSON.stringify({ cases: result.cases, commands: result.commands, directoryEntries: result.directoryEntries, seed: values.seed ?? '1', from, to, seconds: Number(seconds) })}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
