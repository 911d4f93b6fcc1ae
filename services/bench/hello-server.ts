import Fastify from 'fastify';

/** The baseline: a bare fastify route, nothing behind it. */
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
