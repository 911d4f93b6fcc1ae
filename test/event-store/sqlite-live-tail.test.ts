import fc from 'fast-check';
import t from 'tap';
import type { AllFilter, RecordedEvent } from '../../contracts/event-store.js';
import { LiveTail } from '../../services/event-store/sqlite/live-tail.js';

const categories = ['case', 'visit', 'deputy'] as const;
const types = ['CaseReceived', 'NoteAdded', 'VisitRecorded'] as const;

/** A log in memory that counts its reads; `append` is a commit. */
function log() {
  const events: RecordedEvent[] = [];
  const source = {
    events,
    reads: 0,
    commits: 0,
    append(count: number, seed = 0) {
      for (let i = 0; i < count; i++) {
        const position = events.length + 1;
        const category = categories[(position + seed) % categories.length]!;
        events.push({
          id: `e${position}`, type: types[(position * 7 + seed) % types.length]!, data: {}, metadata: {},
          streamName: `${category}-${position % 5}`, revision: 0, position, recordedAt: '2026-06-01T00:00:00.000Z',
        });
      }
      source.commits++;
    },
    read: (after: number, limit: number) => (source.reads++, events.filter((e) => e.position > after).slice(0, limit)),
  };
  return source;
}

/** What the file's own filtered query answers. */
const fromFile = (events: RecordedEvent[], after: number, limit: number, filter: AllFilter | undefined) =>
  events
    .filter((e) => e.position > after)
    .filter((e) => !filter || (filter.kind === 'category' ? filter.categories.includes(e.streamName.split('-')[0]!) : filter.types.includes(e.type)))
    .slice(0, limit);

t.test('live tail › after a commit the new events are read once for every filter that asks', async (t) => {
  const source = log();
  source.append(100);
  const tail = new LiveTail(source.read);
  t.same(tail.read(100, 256, undefined, source.commits), [], 'caught up at the head');
  source.append(30);
  const filters: Array<AllFilter | undefined> = [
    { kind: 'category', categories: ['case'] },
    { kind: 'category', categories: ['visit', 'deputy'] },
    { kind: 'eventType', types: ['NoteAdded'] },
    undefined,
  ];
  const readsBefore = source.reads;
  for (const filter of filters) t.same(tail.read(100, 256, filter, source.commits), fromFile(source.events, 100, 256, filter), JSON.stringify(filter));
  t.equal(source.reads - readsBefore, 1, 'one read of the file for four filters');
  t.equal(tail.read(100, 256, undefined, source.commits)?.[0], tail.read(100, 256, undefined, source.commits)?.[0], 'the same parsed event handed out');
});

t.test('live tail › a position it does not hold is left to the file', async (t) => {
  const source = log();
  source.append(100);
  const tail = new LiveTail(source.read);
  tail.read(90, 256, undefined, source.commits);
  t.equal(tail.read(50, 256, undefined, source.commits), undefined, 'older than where it began');
  source.append(20_000);
  t.equal(tail.read(100, 256, undefined, source.commits), undefined, 'far more came at once than it keeps: let go');
  t.same(tail.read(20_100, 256, undefined, source.commits), [], 'and begun again where a subscription next asks');
  source.append(4_000);
  t.same(tail.read(20_100, 256, undefined, source.commits)?.map((e) => e.position).slice(0, 2), [20_101, 20_102]);
  source.append(100);
  t.equal(tail.read(20_100, 256, undefined, source.commits), undefined, 'kept only the newest 4,096 of the 4,100 after it');
  t.same(tail.read(20_104, 2, undefined, source.commits)?.map((e) => e.position), [20_105, 20_106], 'the oldest it kept');
  t.same(tail.read(24_199, 256, undefined, source.commits)?.map((e) => e.position), [24_200]);
});

t.test('live tail › every answer is the file’s, whatever the commits and the readers’ places', async (t) => {
  const step = fc.oneof(
    fc.record({ kind: fc.constant('commit' as const), count: fc.oneof(fc.integer({ min: 1, max: 700 }), fc.integer({ min: 3_000, max: 9_000 })), seed: fc.nat(10) }),
    fc.record({
      kind: fc.constant('read' as const),
      back: fc.integer({ min: 0, max: 5_000 }),
      limit: fc.integer({ min: 1, max: 300 }),
      filter: fc.option(
        fc.oneof(
          fc.record({ kind: fc.constant('category' as const), categories: fc.subarray([...categories], { minLength: 1 }) }),
          fc.record({ kind: fc.constant('eventType' as const), types: fc.subarray([...types], { minLength: 1 }) }),
        ),
        { nil: undefined },
      ),
    }),
  );
  let answered = 0;
  let leftToFile = 0;
  fc.assert(
    fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
      const source = log();
      const tail = new LiveTail(source.read);
      for (const s of steps) {
        if (s.kind === 'commit') {
          source.append(s.count, s.seed);
          continue;
        }
        const after = Math.max(0, source.events.length - s.back);
        const answer = tail.read(after, s.limit, s.filter, source.commits);
        if (answer === undefined) leftToFile++;
        else answered++;
        if (answer !== undefined && JSON.stringify(answer) !== JSON.stringify(fromFile(source.events, after, s.limit, s.filter))) return false;
      }
      return true;
    }),
    { numRuns: 300 },
  );
  t.ok(answered > leftToFile, `300 histories: ${answered} reads answered from the tail, each as the file would, ${leftToFile} left to the file`);
});
