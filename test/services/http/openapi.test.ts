import t from 'tap';
import { testApp } from '../../support/test-app.js';

interface Operation {
  requestBody?: unknown;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

t.test('GET /docs/json › OpenAPI 3.1 with every case action; health answers', async (t) => {
  const { app } = await testApp(t, { seed: false });
  const doc = (await app.inject('/docs/json')).json();
  t.equal(doc.openapi, '3.1.0');
  t.ok(doc.paths['/api/cases'].post.requestBody);
  for (const action of ['record-follow-up', 'escalate', 'merge', 'complete-site-check']) t.ok(doc.paths[`/api/cases/{id}/${action}`]?.post, action);
  t.notOk(doc.paths['/api/cases/{id}/attach'], 'the service’s own steps are not actions');
  t.equal((await app.inject('/healthz')).statusCode, 200);
  t.equal((await app.inject('/readyz')).statusCode, 200);
});

t.test('GET /docs/json › 201 where a route answers 201: opening a case and every directory registration', async (t) => {
  const { app } = await testApp(t, { seed: false });
  const paths: Record<string, Record<string, Operation>> = (await app.inject('/docs/json')).json().paths;
  for (const path of ['/api/cases', '/api/areas', '/api/stations', '/api/deputies', '/api/categories']) {
    const codes = Object.keys(paths[path]!.post!.responses ?? {});
    t.ok(codes.includes('201'), `POST ${path} documents 201`);
    t.notOk(codes.includes('200'), `POST ${path} does not claim 200`);
  }
});

t.test('GET /docs/json › every route declares its success body and its problems', async (t) => {
  const { app } = await testApp(t, { seed: false });
  const paths: Record<string, Record<string, Operation>> = (await app.inject('/docs/json')).json().paths;
  const operations = Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ route: `${method} ${path}`, op })));
  t.ok(operations.length >= 40, `${operations.length} operations`);
  for (const { route, op } of operations) {
    const responses = op.responses ?? {};
    const success = Object.keys(responses).filter((code) => /^2\d\d$/.test(code));
    t.equal(success.length, 1, `${route}: one success status`);
    t.ok(responses[success[0]!]?.content?.['application/json']?.schema, `${route}: its body has a schema`);
    t.ok(responses['4XX']?.content && responses['5XX']?.content, `${route}: its problems have a schema`);
  }
});
