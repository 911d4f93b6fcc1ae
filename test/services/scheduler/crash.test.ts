import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import type { EventStore, RecordedEvent } from '../../../contracts/event-store.js';
import { CaseService } from '../../../services/cases/case-service.js';
import { commandEnvelope } from '../../../services/commands/envelope.js';
import { openEventStore } from '../../../services/event-store/open-store.js';
import { tokenService } from '../../../services/http/auth/tokens.js';
import { registerAccount } from '../../support/accounts.js';
import { sampleCommandData } from '../../support/case-fixtures.js';
import { startServer, type ServerProcess } from '../../support/server-process.js';
import { noDirectory } from './support.js';

const secret = 'scheduler-crash-secret';
const auditor = { authorization: `Bearer ${tokenService(secret).sign({ sub: 'aud-1' })}` };
const CASES = 1000;

/** Huiyin's own case events in the log, read a page at a time. */
async function firingsIn(store: EventStore): Promise<RecordedEvent[]> {
  const firings: RecordedEvent[] = [];
  for (let from = 0; ; ) {
    const page = await store.readAll({ fromPosition: from, maxCount: 1000 });
    if (page.length === 0) return firings;
    firings.push(...page.filter((e) => (e.metadata.actor as { role: string }).role === 'system' && e.streamName.startsWith('case-')));
    from = page.at(-1)!.position + 1;
  }
}

async function status(server: ServerProcess) {
  const res = await fetch(`${server.url}/api/scheduler`, { headers: auditor });
  return (await res.json()) as { fired: number; moot: number; failed: number; pending: number };
}

async function until(check: () => Promise<boolean>, what: string) {
  for (let waited = 0; !(await check()); waited += 5) {
    if (waited > 120_000) throw new Error(`still waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

t.test('scheduler crash › SIGKILL in the middle of firing: after a restart every firing is recorded exactly once', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'huiyin-scheduler-crash-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  // Emergencies received twenty days ago: both deadlines and both escalations passed long since, whatever the
  // weekday and holidays (four firings: the reminders, due too late, are the overdue marks).
  const store = await openEventStore({ dataDir, env: {} });
  await registerAccount(store, { id: 'aud-1', name: 'Auditor', role: 'auditor' });
  const cases = new CaseService(store, noDirectory);
  const then = new Date(Date.now() - 20 * 86_400_000).toISOString();
  for (let i = 0; i < CASES; i++) {
    const data = { ...sampleCommandData.receive, urgency: 'emergency', receivedAt: then };
    await cases.engine.execute(commandEnvelope({ id: 'staff-1', role: 'staff' }, `crash-${i}`, 'receive', data, { now: then }));
  }
  await store.close();

  const env = { DATA_DIR: dataDir, AUTH_SECRET: secret, LOG_LEVEL: 'error' };
  const first = await startServer(env);
  await until(async () => (await status(first)).fired >= 1, 'the first firings');
  first.child.kill('SIGKILL');
  t.equal(await first.exited, 'SIGKILL');

  const countFirings = async () => {
    const log = await openEventStore({ dataDir, env: {} });
    try {
      return (await firingsIn(log)).length;
    } finally {
      await log.close();
    }
  };
  const beforeRestart = await countFirings();
  t.ok(beforeRestart > 0 && beforeRestart < CASES * 4, `killed in the middle: ${beforeRestart} of ${CASES * 4} firings recorded`);

  const second = await startServer(env);
  await until(async () => (await fetch(`${second.url}/readyz`)).status === 200, 'the read models');
  await until(async () => (await status(second)).pending === 0, 'every firing');
  const after = await status(second);
  second.child.kill('SIGTERM');
  await second.exited;

  const log = await openEventStore({ dataDir, env: {} });
  t.teardown(() => log.close());
  const firings = await firingsIn(log);
  t.equal(firings.length, CASES * 4, 'four firings per case');
  const unique = new Set(firings.map((e) => `${e.streamName} ${e.type} ${JSON.stringify(e.data)}`));
  t.equal(unique.size, firings.length, 'none recorded twice');
  const perCase = new Map<string, number>();
  for (const e of firings) perCase.set(e.streamName, (perCase.get(e.streamName) ?? 0) + 1);
  t.ok([...perCase.values()].every((n) => n === 4), 'and none lost');
  t.equal(after.failed, 0, 'nothing failed after the restart');
});
