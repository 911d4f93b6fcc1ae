import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import t from 'tap';
import { BatchWriter } from '../../services/event-store/sqlite/batch-writer.js';
import { openDatabase } from '../../services/event-store/sqlite/schema.js';
import { prepareAppend } from '../../services/event-store/validate.js';
import { newEvent } from './conformance/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'huiyin-new-stream-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

const HEAD_QUERY = /^SELECT revision, position FROM events WHERE stream = \? ORDER BY revision DESC/;

/** The database as the writer sees it, counting how often it reads a stream's head. */
function countingHeadReads(db: Database.Database): { db: Database.Database; reads: () => number } {
  let reads = 0;
  const bound = <T extends object>(target: T, prop: string | symbol) => {
    const value = Reflect.get(target, prop) as unknown;
    return typeof value === 'function' ? value.bind(target) : value;
  };
  const counted = (statement: Database.Statement) =>
    new Proxy(statement, {
      get: (target, prop) => (prop === 'get' ? (...args: unknown[]) => ((reads += 1), target.get(...args)) : bound(target, prop)),
    });
  const proxy = new Proxy(db, {
    get: (target, prop) =>
      prop === 'prepare' ? (sql: string) => (HEAD_QUERY.test(sql) ? counted(target.prepare(sql)) : target.prepare(sql)) : bound(target, prop),
  });
  return { db: proxy, reads: () => reads };
}

t.test('sqlite batch writer › opening a stream reads no head', async (t) => {
  const db = openDatabase(join(dir, 'events.sqlite'));
  t.teardown(() => db.close());
  const counting = countingHeadReads(db);
  const writer = new BatchWriter(counting.db);
  const append = (stream: string, expected: Parameters<typeof prepareAppend>[2]) => prepareAppend(stream, [newEvent()], expected);

  const opened = writer.writeBatch([append('case-a', 'no_stream'), append('case-b', 'no_stream')]);
  t.match(opened, [{ ok: true }, { ok: true }], 'two new streams open');
  t.equal(counting.reads(), 0, 'without a look at either head');

  const [conflict] = writer.writeBatch([append('case-a', 'no_stream')]);
  t.match(conflict, { ok: false, error: { code: 'STORE.WRONG_EXPECTED_REVISION', actual: 0 } }, 'an existing stream is refused');
  t.equal(counting.reads(), 1, 'and only then is its head read');

  const [next] = writer.writeBatch([append('case-a', 0)]);
  t.match(next, { ok: true, result: { nextExpectedRevision: 1 } });
  t.equal(counting.reads(), 2, 'an exact revision is checked against the head as before');
});
