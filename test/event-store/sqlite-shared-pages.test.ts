import t from 'tap';
import type { RecordedEvent } from '../../contracts/event-store.js';
import { SharedPages } from '../../services/event-store/sqlite/shared-pages.js';

const events = (from: number, count: number) =>
  Array.from({ length: count }, (_, i): RecordedEvent => ({
    id: `e${from + i}`, type: 'Noted', data: {}, metadata: {}, streamName: 's-1', revision: from + i, position: from + i, recordedAt: '2026-06-01T00:00:00.000Z',
  }));

/** A page source that counts its reads and returns what the log holds after a position. */
function log(head: number) {
  const source = { head, reads: 0, read: (after: number, limit: number) => () => (source.reads++, events(after + 1, Math.max(0, Math.min(limit, source.head - after)))) };
  return source;
}

t.test('shared pages › a full page is read once for every subscription that asks for it', async (t) => {
  const pages = new SharedPages();
  const source = log(1000);
  const first = pages.read(0, 256, undefined, source.read(0, 256));
  const second = pages.read(0, 256, undefined, source.read(0, 256));
  t.equal(second, first, 'the same parsed events are handed out');
  t.equal(source.reads, 1);
  pages.committed();
  t.equal(pages.read(0, 256, undefined, source.read(0, 256)), first, 'a full page never changes, commits or not');
  pages.read(0, 256, { kind: 'category', categories: ['case'] }, source.read(0, 256));
  t.equal(source.reads, 2, 'another filter is another page');
});

t.test('shared pages › a short page stands only until the next commit', async (t) => {
  const pages = new SharedPages();
  const source = log(10);
  t.equal(pages.read(0, 256, undefined, source.read(0, 256)).length, 10);
  t.equal(pages.read(0, 256, undefined, source.read(0, 256)).length, 10);
  t.equal(source.reads, 1, 'no commit: the short page is still whole');
  source.head = 15;
  pages.committed();
  t.equal(pages.read(0, 256, undefined, source.read(0, 256)).length, 15, 'after a commit it is read again, longer');
  t.equal(source.reads, 2);
  t.same(pages.read(15, 256, undefined, source.read(15, 256)), [], 'an empty page is not kept');
  t.same(pages.read(15, 256, undefined, source.read(15, 256)), []);
  t.equal(source.reads, 4);
});

t.test('shared pages › only the latest pages are kept', async (t) => {
  const pages = new SharedPages();
  const source = log(100_000);
  for (let page = 0; page < 100; page++) pages.read(page * 10, 10, undefined, source.read(page * 10, 10));
  t.equal(source.reads, 100);
  pages.read(99 * 10, 10, undefined, source.read(990, 10));
  t.equal(source.reads, 100, 'the newest is kept');
  pages.read(0, 10, undefined, source.read(0, 10));
  t.equal(source.reads, 101, 'the oldest was let go');
});
