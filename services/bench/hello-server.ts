import Fastify from 'fastify';

/**
 * The baselines, bare fastify routes with nothing behind them:
 * - `GET /` answers hello-world;
 * - `POST /cases` takes a create-case body and answers 201 with the case
 *   view it was given in BARE_POST_VIEW (a real one, from the server under
 *   test), so it measures what fastify and Node's HTTP cost for exactly the
 *   exchange a create-case makes, and nothing else.
 */
const view = process.env.BARE_POST_VIEW ?? '{}';
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
app.post('/cases', async (_request, reply) => {
  reply.code(201).header('location', '/api/cases/bare').header('etag', '"0"').type('application/json; charset=utf-8');
  return view;
});
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
