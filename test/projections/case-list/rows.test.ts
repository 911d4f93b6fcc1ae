import t from 'tap';
import { listCases } from '../../../projections/case-list/index.js';
import { mergeCase } from '../../support/engine-fixtures.js';
import { admin, caseListSetup, dump, idsOf, projection } from './support.js';

const row = (db: import('better-sqlite3').Database, id: string) =>
  db.prepare('SELECT * FROM case_list_v2_cases WHERE id = ?').get(id) as Record<string, unknown>;
const item = (db: import('better-sqlite3').Database, id: string, now: string) =>
  listCases(db, { kind: 'all' }, { trackingCode: undefined }, { sort: 'received', order: 'asc', limit: 200, now }).items.find((i) => i.id === id)!;

t.test('case-list@1 › a case’s row follows its status, deputies, replies and rounds', async (t) => {
  const { db, act, settled } = await caseListSetup(t);
  await act('a', 'receive', '2026-06-13T02:00:00.000Z');
  await settled();
  t.match(row(db, 'a'), {
    status: 'received', status_group: 'open', station_id: 'st-baichehe', area_code: '520221104201', category: 'roads',
    channel: 'reception-day', urgency: 'urgent', location: 'Fana group 4, by the culvert', received_at: '2026-06-13T02:00:00.000Z',
    reply_due_by: '2026-06-14T02:00:00.000Z', replied_at: null, escalated: 0, deputy_ids: '[]', workflow_version: 2,
  });
  await act('a', 'assign', '2026-06-13T03:00:00.000Z');
  await act('a', 'acknowledge', '2026-06-13T04:00:00.000Z');
  await act('a', 'resolve', '2026-06-13T05:00:00.000Z');
  await act('a', 'give-feedback', '2026-06-13T06:00:00.000Z');
  await settled();
  t.match(row(db, 'a'), { status: 'answered', status_group: 'answered', replied_at: '2026-06-13T04:00:00.000Z', deputy_ids: '["dep-li","dep-wen"]' },
    'the first reply of the round (the acknowledgement) is kept; the feedback does not replace it');
  t.match(item(db, 'a', '2026-07-01T00:00:00.000Z'), { overdue: false, deputyIds: ['dep-li', 'dep-wen'], lastActivityAt: '2026-06-13T06:00:00.000Z' });
  await act('a', 'reassign', '2026-06-13T07:00:00.000Z').catch(() => undefined); // not allowed once answered: changes nothing
  await act('a', 'record-follow-up', '2026-06-14T00:00:00.000Z');
  await act('a', 'close', '2026-06-14T01:00:00.000Z');
  await act('a', 'reopen', '2026-06-20T00:00:00.000Z');
  await settled();
  t.match(row(db, 'a'), { status: 'in-progress', status_group: 'open', reply_due_by: '2026-06-21T00:00:00.000Z', replied_at: null },
    'a reopening starts a new round with its own deadline');
  t.equal(item(db, 'a', '2026-06-20T12:00:00.000Z').overdue, false, 'before the new deadline');
  t.equal(item(db, 'a', '2026-06-22T00:00:00.000Z').overdue, true, 'after it, with no reply in the new round');
  t.same(idsOf(db, { deputy: 'dep-wen' }), ['a']);
  t.same(idsOf(db, { deputy: 'dep-luo' }), []);
});

t.test('case-list@1 › overdue is asked of the clock: unanswered, answered late, withdrawn in time', async (t) => {
  const { db, act, settled } = await caseListSetup(t);
  await act('quiet', 'receive', '2026-06-01T00:00:00.000Z', { urgency: 'normal' });
  await act('late', 'receive', '2026-06-13T00:00:00.000Z', { urgency: 'emergency' });
  await act('late', 'assign', '2026-06-13T01:00:00.000Z');
  await act('late', 'acknowledge', '2026-06-13T05:00:00.000Z');
  await act('gone', 'receive', '2026-06-01T00:00:00.000Z', { urgency: 'normal' });
  await act('gone', 'withdraw', '2026-06-02T00:00:00.000Z');
  await settled();
  const overdueAt = (now: string) => ['quiet', 'late', 'gone'].filter((id) => item(db, id, now).overdue);
  t.equal(item(db, 'quiet', '2026-06-07T23:59:59.000Z').overdue, false, 'unanswered, but its deadline has not come');
  t.same(overdueAt('2026-06-13T04:00:00.000Z'), ['quiet', 'late'], 'the emergency’s two hours ran out before its acknowledgement');
  t.same(overdueAt('2026-07-01T00:00:00.000Z'), ['quiet', 'late'], 'a late answer stays late; a withdrawal in time owes nothing');
  t.same(idsOf(db, { overdue: true }, { now: '2026-06-07T00:00:00.000Z' }), ['late'], 'the filter says the same as the item');
  t.same(idsOf(db, { overdue: true }, { now: '2026-07-01T00:00:00.000Z' }), ['quiet', 'late']);
  t.same(idsOf(db, { overdue: false }, { now: '2026-07-01T00:00:00.000Z' }), ['gone']);
  t.match(row(db, 'gone'), { status: 'withdrawn', status_group: 'closed', replied_at: null });
});

t.test('case-list@1 › a merged case is closed, escalation is a flag, notes are searched', async (t) => {
  const { db, act, settled, engine } = await caseListSetup(t);
  await act('into', 'receive', '2026-06-13T00:00:00.000Z');
  await act('dup', 'receive', '2026-06-13T01:00:00.000Z');
  await mergeCase(engine, {
    streamId: 'dup', type: 'merge', data: { intoCaseId: 'into' }, commandId: 'merge-dup', actor: admin, occurredAt: '2026-06-13T02:00:00.000Z',
  });
  await act('into', 'escalate', '2026-06-15T00:00:00.000Z');
  await act('into', 'add-note', '2026-06-15T01:00:00.000Z', { text: '村民反映路灯也坏了 Street LIGHT broken' });
  await settled();
  t.match(row(db, 'dup'), { status: 'merged', status_group: 'closed' });
  t.match(row(db, 'into'), { status: 'received', escalated: 1, last_activity_at: '2026-06-15T01:00:00.000Z' });
  t.same(idsOf(db, { group: 'closed' }), ['dup']);
  t.same(idsOf(db, { escalated: true }), ['into']);
  t.same(idsOf(db, { escalated: false }), ['dup']);
  t.same(idsOf(db, { q: '路灯' }), ['into'], 'found by a note’s Chinese');
  t.same(idsOf(db, { q: 'light' }), ['into'], 'and its English, whatever the case');
});

t.test('case-list@1 › applying the same events again changes nothing', async (t) => {
  const { db, act, settled, store } = await caseListSetup(t);
  await act('a', 'receive', '2026-06-13T02:00:00.000Z');
  await act('a', 'assign', '2026-06-13T03:00:00.000Z');
  await act('a', 'add-note', '2026-06-13T04:00:00.000Z');
  await act('a', 'acknowledge', '2026-06-13T05:00:00.000Z');
  await act('b', 'receive', '2026-06-13T06:00:00.000Z');
  await settled();
  const before = dump(db);
  const events = await store.readAll();
  db.transaction(() => events.forEach((event) => projection.evolve(db, event)))();
  t.same(dump(db), before);
  t.equal(before.search.length, 3, 'two cases’ text and one note, each once');
});
