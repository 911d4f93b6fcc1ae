import { readFileSync } from 'node:fs';
import t from 'tap';
import { z } from 'zod';
import { caseEventContracts } from '../../contracts/case/events.js';
import { eventContract } from '../../contracts/event-contract.js';
import { schemaLockProblems, storedEventContracts, updatedLock, type SchemaLock } from '../../contracts/schema-lock.js';

const lock = JSON.parse(readFileSync(new URL('../../contracts/event-schemas.lock.json', import.meta.url), 'utf8')) as SchemaLock;

/** The contracts with one case event type replaced. */
const withNoteAdded = (contract: ReturnType<typeof eventContract>) => ({
  ...storedEventContracts,
  case: { ...caseEventContracts, NoteAdded: contract },
});
const pinnedNote = z.strictObject({ text: z.string(), pinned: z.boolean() });

t.test('event-schema lock › the committed lock matches every stored event contract', async (t) => {
  t.same(schemaLockProblems(storedEventContracts, lock), []);
  t.ok(Object.keys(lock.case ?? {}).length >= 20, 'every case event type is locked');
  t.ok(lock.case?.CaseReceived?.['1'] && lock.case.CaseReceived['2'], 'both shapes CaseReceived has had are kept');
});

t.test('event-schema lock › refuses a changed shape that keeps its version', async (t) => {
  const problems = schemaLockProblems(withNoteAdded(eventContract(pinnedNote)), lock);
  t.match(problems, [/case\/NoteAdded@1 changed shape/]);
});

t.test('event-schema lock › refuses a new version without an upcaster from the old one', async (t) => {
  const bumped = withNoteAdded(eventContract(pinnedNote, 2));
  const problems = schemaLockProblems(bumped, updatedLock(bumped, lock));
  t.match(problems, [/case\/NoteAdded has no upcaster from version 1/]);
});

t.test('event-schema lock › passes a new version with its upcaster, once locked', async (t) => {
  const bumped = withNoteAdded(eventContract(pinnedNote, 2, { 1: (data) => Object.assign({}, data, { pinned: false }) }));
  t.match(schemaLockProblems(bumped, lock), [/NoteAdded@2 is not in the lock/], 'not yet locked');
  const relocked = updatedLock(bumped, lock);
  t.same(schemaLockProblems(bumped, relocked), []);
  t.same(relocked.case!.NoteAdded!['1'], lock.case!.NoteAdded!['1'], 'the old shape stays in the lock');
});

t.test('event-schema lock › never rewrites a locked version, and misses a dropped type', async (t) => {
  const changed = withNoteAdded(eventContract(pinnedNote));
  t.same(updatedLock(changed, lock).case!.NoteAdded, lock.case!.NoteAdded, 'updating keeps the locked shape');
  t.match(schemaLockProblems(changed, updatedLock(changed, lock)), [/changed shape/], 'so the check still fails');
  const { NoteAdded: _dropped, ...rest } = caseEventContracts;
  t.match(schemaLockProblems({ ...storedEventContracts, case: rest }, lock), [/NoteAdded is in the lock but no longer declared/]);
});
