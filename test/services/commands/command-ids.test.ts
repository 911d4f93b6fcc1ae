import t from 'tap';
import { newCaseIdFor, timeOrderedUuid } from '../../../services/commands/command-ids.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

t.test('case ids › without a key: UUID v7 whose leading 48 bits are the time, so later cases sort later', async (t) => {
  const at = Date.parse('2026-06-13T01:00:00Z');
  const first = timeOrderedUuid(at);
  t.match(first, UUID_V7);
  t.equal(Number.parseInt(first.replace(/-/g, '').slice(0, 12), 16), at, 'the time is readable back');
  const later = [1, 2, 1000, 86_400_000].map((ms) => timeOrderedUuid(at + ms));
  t.same([...later].sort(), later, 'ids of later milliseconds sort after earlier ones');
  t.ok(later.every((id) => id > first));
  const sameMs = new Set(Array.from({ length: 1000 }, () => timeOrderedUuid(at)));
  t.equal(sameMs.size, 1000, 'a thousand ids in one millisecond are all different');
  t.match(newCaseIdFor('staff-1', undefined), UUID_V7);
});

t.test('case ids › with an Idempotency-Key: the same id on every retry, different per user and key', async (t) => {
  const id = newCaseIdFor('staff-1', 'form-42');
  t.equal(newCaseIdFor('staff-1', 'form-42'), id);
  t.not(newCaseIdFor('staff-2', 'form-42'), id, 'keys are scoped per user');
  t.not(newCaseIdFor('staff-1', 'form-43'), id);
  t.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
});
