import t from 'tap';
import { createLogger, scrub } from '../../../services/http/logger.js';
import { HuiyinError } from '../../../contracts/errors.js';

const citizen = () => ({ name: 'Hu Xiuying', phone: '13800000613', address: 'Fana village, group 4, house 12', village: 'Guzhen' });

t.test('log scrub › a citizen’s name, phone and address are redacted at any depth, in arrays and in error details', async (t) => {
  const logged = {
    constituent: citizen(),
    body: { case: { constituent: citizen() } },
    cases: [{ constituent: citizen() }, { summary: 'culvert' }],
    err: new HuiyinError('COMMAND.INVALID', 'bad', { body: { constituent: citizen() } }),
  };
  const text = JSON.stringify(scrub(logged));
  t.notMatch(text, /Hu Xiuying|13800000613|house 12/);
  t.match(text, /Guzhen/, 'the rest of the constituent stays');
  t.match(text, /culvert/);
  t.match(text, /"message":"bad"/, 'an error keeps its message');
  t.equal(logged.constituent.name, 'Hu Xiuying', 'the logged object itself is not changed');
});

t.test('log scrub › authorization values are redacted wherever they sit, whatever their case', async (t) => {
  const text = JSON.stringify(scrub({ req: { headers: { Authorization: 'Bearer a.b.c' } }, authorization: 'Bearer d.e.f' }));
  t.notMatch(text, /a\.b\.c|d\.e\.f/);
});

t.test('log scrub › nothing to redact: the very same object, no copy; class instances left to serialisers', async (t) => {
  const line = { req: { method: 'POST', url: '/api/cases' }, res: { statusCode: 201 }, responseTime: 3 };
  t.equal(scrub(line), line);
  class Request {
    constituent = citizen();
  }
  const request = new Request();
  t.equal((scrub({ req: request }) as { req: unknown }).req, request);
});

t.test('log scrub › a constituent or authorization in child bindings is censored too, and lines keep their bindings', async (t) => {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
  logger.child({ reqId: 'r1', constituent: citizen(), authorization: 'Bearer x.y.z' }).info({ body: { constituent: citizen() } }, 'hello');
  t.equal(lines.length, 1);
  t.notMatch(lines[0]!, /Hu Xiuying|13800000613|house 12|x\.y\.z/);
  t.match(JSON.parse(lines[0]!), { reqId: 'r1', msg: 'hello', body: { constituent: { name: '[redacted]' } } });
});

t.test('request log › the phone digits of a tracking lookup never reach the log', async (t) => {
  const lines: string[] = [];
  const { buildApp } = await import('../../../services/http/app.js');
  const { tokenService } = await import('../../../services/http/auth/tokens.js');
  const { openTestStore } = await import('../../support/store-factory.js');
  const store = await openTestStore();
  const app = await buildApp({ store, tokens: tokenService('test-secret'), logger: createLogger({ destination: { write: (line: string) => void lines.push(line) } }) });
  t.teardown(async () => {
    await app.close();
    await store.close();
  });
  await app.inject({ method: 'GET', url: '/api/public/track/ABCD-2345?phone4=0613', remoteAddress: '10.0.0.1' });
  const line = lines.find((l) => l.includes('request completed'));
  t.ok(line, 'the request was logged');
  t.notMatch(line!, /0613/);
  t.match(JSON.parse(line!).req, { method: 'GET', url: '/api/public/track/ABCD-2345?phone4=****' });
});
