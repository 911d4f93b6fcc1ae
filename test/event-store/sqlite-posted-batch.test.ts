import t from 'tap';
import { HuiyinError, WrongExpectedRevisionError } from '../../contracts/errors.js';
import type { AppendOutcome } from '../../services/event-store/sqlite/batch-writer.js';
import { packOutcomes, packRequests, unpackOutcomes, unpackRequests } from '../../services/event-store/sqlite/posted-batch.js';
import type { AppendRequest } from '../../services/event-store/validate.js';

const event = (n: number) => ({ id: `00000000-0000-4000-8000-00000000000${n}`, type: `T${n}`, data: `{"n":${n}}`, metadata: '{}' });

t.test('a batch crosses to the writer thread and back unchanged', async (t) => {
  const requests: AppendRequest[] = [
    { streamName: 'case-a', category: 'case', expected: 'no_stream', events: [event(1)] },
    { streamName: 'case-b', category: 'case', expected: 7, events: [event(2), event(3), event(4)] },
    { streamName: 'area-c', category: 'area', expected: 'any', events: [] },
    { streamName: 'case-d', category: 'case', expected: 'stream_exists', events: [event(5)] },
  ];
  t.same(unpackRequests(structuredClone(packRequests(requests))), requests, 'requests, whatever their expectations and event counts');
  t.same(unpackRequests(packRequests([])), [], 'an empty batch');

  const outcomes: AppendOutcome[] = [
    { ok: true, result: { nextExpectedRevision: 0, position: 2 ** 40 }, written: 1 },
    { ok: false, error: new WrongExpectedRevisionError('case-b', 7, 9) },
    { ok: true, result: { nextExpectedRevision: -1, position: 0 }, written: 0 },
    { ok: false, error: new HuiyinError('STORE.APPEND_TOO_LARGE', 'too large', { bytes: 5 }) },
    { ok: false, error: new Error('disk I/O error') },
  ];
  const back = unpackOutcomes(structuredClone(packOutcomes(outcomes)));
  t.same(back.slice(0, 1), outcomes.slice(0, 1), 'a success with a large position');
  t.same(back[2], outcomes[2], 'a retry that wrote nothing');
  const [wrong, tooLarge, other] = [back[1], back[3], back[4]].map((outcome) => (outcome!.ok ? undefined : outcome!.error));
  t.ok(wrong instanceof WrongExpectedRevisionError, 'a wrong revision keeps its class');
  t.match(wrong, { streamName: 'case-b', expected: 7, actual: 9 });
  t.match(tooLarge, { code: 'STORE.APPEND_TOO_LARGE', message: 'too large', details: { bytes: 5 } }, 'a store error keeps its code and details');
  t.match(other, { code: 'STORE.UNAVAILABLE', message: 'disk I/O error' }, 'anything else is the store being unavailable');
  t.equal(back.length, outcomes.length);
});
