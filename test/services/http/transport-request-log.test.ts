import t from 'tap';
import { bearer, transportApp } from './transport-app.js';

const secrets = /Hu Xiuying|13800000613|Bearer /;

t.test('request log › one line per request at info, when it is answered, with who asked and how it went', async (t) => {
  const { app, lines } = await transportApp(t);
  await app.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.9.9.9', headers: { ...bearer('staff-7'), 'x-request-id': 'req-signed-in' } });
  await app.inject({ method: 'GET', url: '/no/such/route?x=1', headers: { 'x-request-id': 'req-anonymous' } });
  await app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { 'x-request-id': 'req-refused', authorization: 'Bearer not.a.token' },
    payload: { constituent: { name: 'Hu Xiuying', phone: '13800000613' } },
  });

  const of = (reqId: string) => lines().filter((line) => line.reqId === reqId);
  t.equal(of('req-signed-in').length, 1, 'one line for a signed-in request');
  t.match(of('req-signed-in')[0], {
    level: 30,
    msg: 'request completed',
    user: 'staff-7',
    req: { method: 'GET', url: '/healthz', remoteAddress: '10.9.9.9' },
    res: { statusCode: 200 },
    responseTime: Number,
  });
  t.equal(of('req-anonymous').length, 1, 'one for a request to no route');
  t.match(of('req-anonymous')[0], { msg: 'request completed', req: { method: 'GET', url: '/no/such/route?x=1' }, res: { statusCode: 404 } });
  t.notOk('user' in of('req-anonymous')[0]!, 'no user without a token');
  t.equal(of('req-refused').length, 1, 'one for a refused request');
  t.match(of('req-refused')[0], { res: { statusCode: 401 } });
  t.notOk(lines().some((line) => line.msg === 'incoming request'), 'nothing is logged on arrival');
  t.notMatch(JSON.stringify(lines()), secrets, 'no names, phones or tokens');
});

t.test('request log › at warn, requests that went well write nothing', async (t) => {
  const { app, lines } = await transportApp(t, {}, 'warn');
  for (let i = 0; i < 5; i++) t.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
  t.same(lines(), []);
});
