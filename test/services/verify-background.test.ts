import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t, { type Test } from 'tap';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';
import { StartupProblem } from '../../services/startup-problem.js';
import { verifyIntervalMs } from '../../services/verifier/config.js';
import { IntegrityMonitor } from '../../services/verifier/integrity-monitor.js';
import { directoryWriter } from '../support/directory-fixtures.js';
import { observed } from '../support/observed-store.js';
import { testApp } from '../support/test-app.js';

/** A log in a file of the test's own, with `areas` chained streams written through the directory workflows. */
async function logWith(t: Test, areas: number) {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-verifier-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'events.sqlite');
  const store = await openSqliteEventStore({ path });
  t.teardown(() => store.close());
  const write = directoryWriter(store);
  for (let i = 0; i < areas; i++) await write.register('area', { code: String(520000 + i), name: `Area ${i}` });
  /** Edits one stored event behind the store's back. */
  const tamper = (stream: string, revision = 0) => {
    const raw = new Database(path);
    raw.prepare(`UPDATE events SET data = json_set(data, '$.name', 'Altered') WHERE stream = ? AND revision = ?`).run(stream, revision);
    raw.close();
  };
  return { store, path, tamper };
}

function recordingLog() {
  const lines: Array<{ level: string; details: unknown; message: string }> = [];
  const at = (level: string) => (details: unknown, message?: string) => void lines.push({ level, details, message: message ?? '' });
  return { log: { error: at('error'), warn: at('warn'), info: at('info') }, errors: () => lines.filter((l) => l.level === 'error') };
}

t.test('background check › finds an edited event, reports it, and logs and counts each break once', async (t) => {
  const { store, tamper } = await logWith(t, 3);
  const { log, errors } = recordingLog();
  const monitor = new IntegrityMonitor(store, 0, log);
  t.match(await monitor.check(), { complete: true, streams: 3, events: 3, broken: [] });
  t.match(monitor.report(), { ok: true, passes: 1, breaksFound: 0, streams: [] });

  tamper('area-520001');
  await monitor.check();
  const broken = { stream: 'area-520001', brokenAt: 0, reason: 'content does not match its hash' };
  t.match(monitor.report(), { ok: false, passes: 2, breaksFound: 1, streams: [broken], lastPass: { streams: 3, events: 3 } });
  t.equal(errors().length, 1, 'one error line for the broken stream');
  t.match(errors()[0], { details: broken, message: /hash chain broken: area-520001 at revision 0/ });

  await monitor.check();
  t.equal(errors().length, 1, 'not logged again while it stays broken');
  t.match(monitor.report(), { passes: 3, breaksFound: 1, streams: [broken] });
});

t.test('background check › yields to the event loop between streams, and stops when asked', async (t) => {
  const { store } = await logWith(t, 120);
  const monitor = new IntegrityMonitor(store, 0, recordingLog().log);
  let turns = 0;
  let walking = true;
  const count = () => {
    turns += 1;
    if (walking) setImmediate(count);
  };
  setImmediate(count);
  await monitor.check();
  walking = false;
  t.ok(turns >= 120, `other work ran between the streams (${turns} turns for 120 streams)`);

  const halted = monitor.check();
  await monitor.stop();
  t.match(await halted, { complete: false }, 'a walk under way stops at the next stream');
  t.equal(monitor.report().passes, 1, 'an unfinished walk reports nothing');
});

t.test('background check › /readyz lists broken chains and stays ready; closing the app stops the walks', async (t) => {
  process.env.VERIFY_INTERVAL_SECONDS = '0.05';
  t.teardown(() => delete process.env.VERIFY_INTERVAL_SECONDS);
  const { store, tamper } = await logWith(t, 0);
  const watched = observed(store);
  const { app, openCase } = await testApp(t, { store: watched.store });
  const { id } = await openCase();
  const stream = app.cases.engine.streamNameOf(id);
  tamper(stream);
  const readyz = async () => (await app.inject('/readyz')).json();
  let ready = await readyz();
  for (let waited = 0; ready.integrity.ok && waited < 10_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    ready = await readyz();
  }
  t.equal((await app.inject('/readyz')).statusCode, 200, 'a broken chain is for the auditors, not a reason to restart');
  t.match(ready, {
    status: 'ready',
    integrity: { ok: false, intervalSeconds: 0.05, breaksFound: 1, streams: [{ stream, brokenAt: 0, reason: 'content does not match its hash' }] },
  });

  await app.close();
  const reads = watched.counts.allReads;
  await new Promise((resolve) => setTimeout(resolve, 300));
  t.equal(watched.counts.allReads, reads, 'no walk after close');
});

t.test('background check › VERIFY_INTERVAL_SECONDS sets the interval, 0 turns it off', async (t) => {
  t.equal(verifyIntervalMs({}), 600_000, 'ten minutes unless set');
  t.equal(verifyIntervalMs({ VERIFY_INTERVAL_SECONDS: '30' }), 30_000);
  t.equal(verifyIntervalMs({ VERIFY_INTERVAL_SECONDS: '0' }), 0);
  t.throws(() => verifyIntervalMs({ VERIFY_INTERVAL_SECONDS: 'often' }), StartupProblem);
  t.throws(() => verifyIntervalMs({ VERIFY_INTERVAL_SECONDS: '-1' }), StartupProblem);

  const { store } = await logWith(t, 1);
  const watched = observed(store);
  const monitor = new IntegrityMonitor(watched.store, 0, recordingLog().log);
  monitor.start();
  await new Promise((resolve) => setTimeout(resolve, 100));
  t.equal(watched.counts.allReads, 0, 'no walk when off');
  t.match(monitor.report(), { ok: true, intervalSeconds: 0, passes: 0 });
  await monitor.stop();
});
