import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { tokenService } from '../../services/http/auth/tokens.js';
import { registerAccountIn } from '../support/accounts.js';
import { startServer } from '../support/server-process.js';
import { culvert, directorySeed } from '../support/test-app.js';

const secret = 'crash-test-secret';
const tokens = tokenService(secret);
const admin = { authorization: `Bearer ${tokens.sign({ sub: 'admin-1' })}` };

async function post(url: string, body: unknown, headers = admin) {
  const res = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { id: string; revision: number } };
}

t.test('crash › SIGKILL under load loses no acknowledged case or action', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'huiyin-crash-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = { DATA_DIR: dataDir, AUTH_SECRET: secret };
  await registerAccountIn(dataDir, { id: 'admin-1', name: 'Administrator', role: 'admin' });
  const first = await startServer(env);
  // What a case needs to be opened: its station and its category.
  for (const [path, items] of [['areas', directorySeed.areas], ['stations', directorySeed.stations], ['categories', directorySeed.categories]] as const) {
    for (const item of items) t.equal((await post(`${first.url}/api/${path}`, item)).status, 201);
  }

  const created = new Set<string>();
  const acked = new Map<string, { revision: number; text: string }[]>();
  let stop = false;
  const client = async (lane: number) => {
    while (!stop) {
      const res = await post(`${first.url}/api/cases`, culvert).catch(() => undefined);
      if (res?.status !== 201) continue;
      const id = res.body.id as string;
      created.add(id);
      for (let n = 0; n < 5 && !stop; n++) {
        const text = `lane ${lane} note ${n}`;
        const note = await post(`${first.url}/api/cases/${id}/add-note`, { text }).catch(() => undefined);
        if (note?.status === 200) acked.set(id, [...(acked.get(id) ?? []), { revision: note.body.revision, text }]);
      }
    }
  };
  const clients = Array.from({ length: 16 }, (_, lane) => client(lane));
  while (created.size + [...acked.values()].flat().length < 400) await new Promise((r) => setTimeout(r, 20));
  first.child.kill('SIGKILL');
  t.equal(await first.exited, 'SIGKILL');
  stop = true;
  await Promise.all(clients);

  const second = await startServer(env);
  let missing = 0;
  for (const id of created) {
    const res = await fetch(`${second.url}/api/cases/${id}/history`, { headers: admin });
    if (res.status !== 200) {
      missing++;
      continue;
    }
    const { events } = (await res.json()) as { events: { revision: number; type: string; data: { text?: string } }[] };
    for (const { revision, text } of acked.get(id) ?? []) {
      if (events[revision]?.data.text !== text) missing++;
    }
  }
  t.equal(missing, 0, `all ${created.size} acknowledged cases and ${[...acked.values()].flat().length} acknowledged notes survived`);

  second.child.kill('SIGTERM');
  t.equal(await second.exited, 0, 'SIGTERM stops cleanly');
});
