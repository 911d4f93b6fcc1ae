import t from 'tap';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { buildApp } from '../../../services/http/app.js';
import { tokenService } from '../../../services/http/auth/tokens.js';
import { createLogger } from '../../../services/http/logger.js';

t.test('logging › JSON lines tagged with the request id; names, phones and tokens never appear', async (t) => {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } });
  logger.info({ constituent: { name: 'Hu Xiuying', phone: '13800000613' } }, 'a case');
  logger.info({ body: { constituent: { name: 'Hu Xiuying', phone: '13800000613' } } }, 'nested');
  const store = await openSqliteEventStore({ path: ':memory:' });
  const app = await buildApp({ store, tokens: tokenService('k'), logger });
  t.teardown(async () => {
    await app.close();
    await store.close();
  });
  await app.inject({ method: 'GET', url: '/api/cases/x', headers: { authorization: 'Bearer secret.token.value', 'x-request-id': 'req-abc' } });
  const all = lines.join('');
  t.notMatch(all, /Hu Xiuying|13800000613|secret\.token\.value/);
  t.match(all, /\[redacted\]/);
  const parsed = lines.map((l) => JSON.parse(l) as { reqId?: string; msg: string });
  t.ok(parsed.filter((l) => l.msg === 'request completed').every((l) => l.reqId === 'req-abc'), 'the request id from the header tags its lines');
});
