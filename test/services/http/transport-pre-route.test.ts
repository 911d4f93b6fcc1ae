import t, { type Test } from 'tap';
import { bearer, transportApp } from './transport-app.js';
import { exchange, type Closed } from './transport-sockets.js';

/** A listening app, and a check that whatever a test sent wrote nothing to its log. */
async function listening(t: Test) {
  const served = await transportApp(t);
  const port = await served.listen();
  const head = await served.store.headPosition();
  const nothingWritten = async () => t.equal(await served.store.headPosition(), head, 'nothing was written');
  return { ...served, port, url: `http://127.0.0.1:${port}`, nothingWritten };
}

function assertProblem(t: Test, closed: Closed, status: number, code: string): void {
  t.equal(closed.response?.status, status, `answered ${status}`);
  t.equal(closed.response?.headers['content-type'], 'application/problem+json');
  t.equal(closed.response?.headers.connection, 'close');
  const body = JSON.parse(closed.response?.body ?? '{}') as Record<string, unknown>;
  t.match(body, { status, code, type: String, title: String, detail: String, instance: String, requestId: String });
  t.equal(Number(closed.response?.headers['content-length']), Buffer.byteLength(closed.response?.body ?? ''), 'the whole body arrived');
}

t.test('before any route › what the HTTP parser refuses leaves as problem+json', async (t) => {
  const { port, lines, nothingWritten } = await listening(t);
  assertProblem(t, await exchange(port, 'HELLO\r\n\r\n'), 400, 'HTTP.BAD_REQUEST');
  assertProblem(t, await exchange(port, 'GET /healthz HTTP/1.1 extra\r\nHost: x\r\n\r\n'), 400, 'HTTP.BAD_REQUEST');
  const rawByte = Buffer.concat([Buffer.from('GET /api/cases/'), Buffer.from([0xc3, 0x28]), Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')]);
  assertProblem(t, await exchange(port, rawByte), 400, 'HTTP.BAD_REQUEST');
  const huge = `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`;
  assertProblem(t, await exchange(port, huge), 431, 'HTTP.HEADERS_TOO_LARGE');
  const smuggled = 'POST /api/areas HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n';
  assertProblem(t, await exchange(port, smuggled), 400, 'HTTP.BAD_REQUEST');
  const clientErrors = lines().filter((line) => line.msg === 'client error');
  t.equal(clientErrors.length, 5, 'one log line each');
  t.notMatch(JSON.stringify(clientErrors), /a{100}/, 'without the request they could not parse');
  await nothingWritten();
});

t.test('before any route › what Node or the router would answer bare leaves as problem+json too', async (t) => {
  const { port, nothingWritten } = await listening(t);
  const badEscape = await exchange(port, 'GET /api/cases/%FF HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  t.equal(badEscape.response?.status, 400, 'a percent-escape that is not UTF-8');
  t.match(JSON.parse(badEscape.response?.body ?? '{}'), { code: 'HTTP.BAD_REQUEST', instance: '/api/cases/%FF' });
  const noHost = await exchange(port, 'GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n');
  t.equal(noHost.response?.status, 400, 'HTTP/1.1 without a Host header');
  t.match(JSON.parse(noHost.response?.body ?? '{}'), { code: 'HTTP.BAD_REQUEST', detail: /Host/ });
  t.equal(noHost.response?.headers['content-type'], 'application/problem+json; charset=utf-8');
  const expect = await exchange(port, 'POST /api/areas HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Length: 2\r\n\r\n');
  t.equal(expect.response?.status, 417, 'an expectation other than 100-continue');
  t.match(JSON.parse(expect.response?.body ?? '{}'), { code: 'HTTP.EXPECTATION_FAILED' });
  assertProblem(t, await exchange(port, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n'), 400, 'HTTP.BAD_REQUEST');
  await nothingWritten();
});

t.test('bodies › malformed JSON, invalid UTF-8 and empty bodies are 400s naming the body; 413 and 415 stay', async (t) => {
  const { url, nothingWritten } = await listening(t);
  const post = (body: string | Uint8Array<ArrayBuffer>, contentType = 'application/json') =>
    fetch(`${url}/api/areas`, { method: 'POST', headers: { ...bearer('admin-1'), 'content-type': contentType }, body });
  const expectBodyProblem = async (res: Response, detail: RegExp, what: string) => {
    t.equal(res.status, 400, what);
    t.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    t.match(await res.json(), { code: 'HTTP.BAD_REQUEST', detail, errors: [{ in: 'body', path: '' }] });
  };
  await expectBodyProblem(await post('{"code": "520221", "name": '), /JSON/, 'malformed JSON');
  // "Bad" then a lone continuation byte, a truncated sequence and an overlong encoding of "/".
  for (const bytes of [[0x80], [0xe4, 0xb8], [0xc0, 0xaf]]) {
    const body = Buffer.concat([Buffer.from('{"code": "520221", "name": "Bad'), Buffer.from(bytes), Buffer.from('"}')]);
    await expectBodyProblem(await post(new Uint8Array(body)), /UTF-8/, `invalid UTF-8 ${Buffer.from(bytes).toString('hex')} is refused, not replaced`);
  }
  await expectBodyProblem(await post(''), /empty/i, 'an empty body');
  const proto = await post('{"code": "520221", "name": "x", "__proto__": {"admin": true}}');
  t.equal(proto.status, 400, 'a __proto__ key is still refused');
  const tooLarge = await post(JSON.stringify({ code: '520221', name: 'x'.repeat(70_000) }));
  t.equal(tooLarge.status, 413, 'bodies over 64 KiB are 413');
  t.match(await tooLarge.json(), { code: 'HTTP.BODY_TOO_LARGE' });
  const wrongType = await post('code=520221', 'application/x-www-form-urlencoded');
  t.equal(wrongType.status, 415, 'other media types are 415');
  t.match(await wrongType.json(), { code: 'HTTP.UNSUPPORTED_MEDIA_TYPE' });
  // Valid UTF-8 goes on to the route, whose own checks refuse this code.
  const chinese = await post(JSON.stringify({ code: 'not-an-area-code', name: '盘龙镇' }));
  t.notMatch(await chinese.text(), /UTF-8|JSON/, 'multi-byte text is not mistaken for bad bytes');
  await nothingWritten();
});
