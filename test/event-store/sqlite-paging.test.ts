import t from 'tap';
import { READ_ALL_DEFAULT_COUNT } from '../../contracts/event-store.js';
import { openReadModelDb } from '../../projections/db.js';
import { startProjection } from '../../projections/runner.js';
import { openSqliteEventStore } from '../../services/event-store/sqlite/index.js';
import { Reader } from '../../services/event-store/sqlite/reader.js';
import { newEvents, streamOf, uniqueCategory } from './conformance/helpers.js';

const EVENTS = 20_000;
const SUBSCRIPTION_PAGE = 256;
const BATCH = 500;

/**
 * Paging proved by what each underlying read returns, not by timing: every
 * synchronous step (one SQLite query and the parsing of its rows, one
 * projection transaction) handles at most a page, however long the log.
 */
t.test('paged log reads › a projection reading 20,000 events never takes more than a page in one step', async (t) => {
  const store = await openSqliteEventStore({ path: ':memory:' });
  t.teardown(() => store.close());
  const category = uniqueCategory();
  for (let stream = 0; stream < EVENTS / 500; stream++) await store.appendToStream(streamOf(category, `s${stream}`), newEvents(500));
  const head = await store.headPosition();

  const pages: number[] = [];
  const { readAfter, readAll } = Reader.prototype;
  Reader.prototype.readAfter = function (...args) {
    const page = readAfter.apply(this, args);
    pages.push(page.length);
    return page;
  };
  Reader.prototype.readAll = function (...args) {
    const page = readAll.apply(this, args);
    pages.push(page.length);
    return page;
  };
  t.teardown(() => Object.assign(Reader.prototype, { readAfter, readAll }));

  t.equal((await store.readAll()).length, READ_ALL_DEFAULT_COUNT, 'readAll without maxCount returns one page, not the log');
  pages.length = 0;

  const db = openReadModelDb(':memory:');
  t.teardown(() => db.close());
  const transactions: number[] = [];
  let applied = 0;
  const runner = startProjection(
    db,
    store,
    {
      name: 'paging',
      version: 1,
      filter: { kind: 'category', categories: [category] },
      ddl: [],
      evolve: () => void (applied += 1),
    },
    { batchSize: BATCH },
  );
  runner.onAdvance(() => {
    transactions.push(applied);
    applied = 0;
  });
  t.ok(await runner.caughtUp);
  await runner.close();
  t.equal(runner.position(), head);
  t.equal(transactions.reduce((a, b) => a + b, 0), EVENTS, 'every event applied');
  t.ok(Math.max(...transactions) <= BATCH, `no transaction applied more than ${BATCH} events (largest ${Math.max(...transactions)})`);
  t.ok(Math.max(...pages) <= SUBSCRIPTION_PAGE, `no read returned more than ${SUBSCRIPTION_PAGE} rows (largest ${Math.max(...pages)})`);
  t.ok(pages.length >= EVENTS / SUBSCRIPTION_PAGE, `the log came in ${pages.length} pages`);
});
