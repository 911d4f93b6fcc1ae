import t, { type Test } from 'tap';
import { caseEventContracts, type CaseEventType } from '../../../contracts/case/events.js';
import type { JsonObject } from '../../../contracts/event-store.js';
import { sampleEventData } from '../../support/case-fixtures.js';
import { openStore } from '../../support/engine-fixtures.js';
import { mergeViolations, readCases } from './fixtures/merge-log.js';

// The check the merge races rely on finds each breach in a log written by
// hand, past the engine and its rules: a check that cannot fail proves nothing.

type Written = [CaseEventType, object?];
const received: Written = ['CaseReceived'];
const attached = (caseId: string): Written => ['CaseAttached', { caseId }];
const confirmed = (caseId: string): Written => ['CaseMergeConfirmed', { caseId }];
const mergedInto = (intoCaseId: string): Written => ['CaseMerged', { intoCaseId }];

async function violationsIn(t: Test, streams: Record<string, Written[]>, version = 2) {
  const { store } = await openStore(t);
  for (const [id, events] of Object.entries(streams)) {
    const written = events.map(([type, data], i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      type,
      data: (data ?? sampleEventData[type]) as JsonObject,
      metadata: {
        occurredAt: '2026-06-13T01:00:00.000Z',
        actor: { id: 'staff-1', role: 'staff' },
        workflow: { name: 'case', version },
        schemaVersion: caseEventContracts[type].version,
      },
    }));
    await store.appendToStream(`case-${id}`, written, { expectedRevision: 'no_stream' });
  }
  return mergeViolations(await readCases(store, Object.keys(streams)));
}

t.test('merge log check › a completed merge, and one taken back, are sound; one left unconfirmed is named', async (t) => {
  t.same(await violationsIn(t, { a: [received, mergedInto('b')], b: [received, attached('a'), confirmed('a')] }), []);
  const unconfirmed = await violationsIn(t, { a: [received, mergedInto('b')], b: [received, attached('a')] });
  t.same(unconfirmed, ['b still has merges under way: a'], 'sound but for the confirmation still owed');
  const takenBack: Written = ['CaseDetached', { caseId: 'a', reason: 'the merge did not complete' }];
  t.same(await violationsIn(t, { a: [received, ['CaseWithdrawn']], b: [received, attached('a'), takenBack] }), []);
});

t.test('merge log check › two cases merged into each other: neither is live', async (t) => {
  const found = await violationsIn(t, { a: [received, attached('b'), mergedInto('b')], b: [received, attached('a'), mergedInto('a')] });
  t.same(found, [
    'a still has merges under way: b',
    'a merged into b, which is merged: neither is live',
    'b recorded CaseMerged while the merge of a was under way',
    'b still has merges under way: a',
    'b merged into a, which is merged: neither is live',
    'a recorded CaseMerged while the merge of b was under way',
  ]);
});

t.test('merge log check › a merge into a case withdrawn after it: the target is not live', async (t) => {
  const found = await violationsIn(t, { a: [received, mergedInto('b')], b: [received, attached('a'), confirmed('a'), ['CaseWithdrawn']] });
  t.same(found, ['a merged into b, which is withdrawn: neither is live']);
});

t.test('merge log check › a merge the target never recorded, and one it records of a case not merged', async (t) => {
  t.same(await violationsIn(t, { a: [received, mergedInto('b')], b: [received] }), [
    'a merged into b, which does not list it',
    'b never attached a, which merged into it',
  ]);
  t.same(await violationsIn(t, { a: [received], b: [received, attached('a'), confirmed('a')] }), ['b lists a as merged into it, which it is not']);
  t.same(await violationsIn(t, { a: [received, mergedInto('c')] }), ['a merged into c, which is not in the log']);
});

t.test('merge log check › a target that closed while the merge into it was under way', async (t) => {
  const answered: Written[] = [received, ['CaseAssigned'], ['CaseAcknowledged'], ['CaseResolved'], attached('a'), ['FeedbackGiven']];
  const found = await violationsIn(t, { a: [received, mergedInto('b')], b: [...answered, ['CaseClosed'], confirmed('a')] });
  t.same(found, ['b recorded CaseClosed while the merge of a was under way']);
  t.same(await violationsIn(t, { a: [received, mergedInto('b')], b: [...answered, confirmed('a'), ['CaseClosed']] }), [], 'closing after is fine');
});

t.test('merge log check › a v2 target that took a case in once answered is refused by the fold itself', async (t) => {
  const answered: Written[] = [received, ['CaseAssigned'], ['CaseAcknowledged'], ['CaseResolved'], ['FeedbackGiven']];
  await t.rejects(violationsIn(t, { a: [received, mergedInto('b')], b: [...answered, attached('a'), confirmed('a')] }), /CaseAttached/);
  t.same(await violationsIn(t, { a: [received, mergedInto('b')], b: [...answered, attached('a'), confirmed('a')] }, 1), [], 'a v1 case takes it');
});
