import t, { type Test } from 'tap';
import { openReadModelDb } from '../../../projections/db.js';
import { diaryProjection, diarySentence, diaryTables, readDiary } from '../../../projections/diary/index.js';
import { startProjection } from '../../../projections/runner.js';
import { openSqliteEventStore } from '../../../services/event-store/sqlite/index.js';
import { caseReadingRules } from '../../../services/read-side/projections.js';

/**
 * The diary from events as the log holds them: appended to a real store,
 * projected by the real runner into real SQLite.
 */
const deputy = (id: string) => ({ id, role: 'deputy', name: id, stations: ['st-a'] });
const staff = { id: 'staff-a', role: 'staff', stations: ['st-a'] };
const supervisor = { id: 'sup-a', role: 'supervisor', area: '520221' };

type Actor = Record<string, unknown>;
async function setup(t: Test) {
  const store = await openSqliteEventStore({ path: ':memory:' });
  const db = openReadModelDb(':memory:');
  const runner = startProjection(db, store, diaryProjection(caseReadingRules));
  t.teardown(async () => {
    await runner.close();
    db.close();
    await store.close();
  });
  const revisions = new Map<string, number>();
  let n = 0;
  const add = async (caseId: string, type: string, data: object, actor: Actor, occurredAt: string) => {
    const revision = (revisions.get(caseId) ?? -1) + 1;
    revisions.set(caseId, revision);
    const metadata = { occurredAt, actor, workflow: { name: 'case', version: 2 }, schemaVersion: ['CaseReceived', 'SiteCheckScheduled', 'SiteCheckCompleted', 'CaseClosed', 'CaseReopened', 'CaseEscalated'].includes(type) ? 2 : 1 };
    await store.appendToStream(`case-${caseId}`, [{ id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, type, data: data as never, metadata }]);
  };
  const settled = async () => t.ok(await runner.waitFor(await store.headPosition(), 2000), 'the diary caught up');
  return { db, store, add, settled };
}

const received = (caseId: string, trackingCode: string, summary: string, receptionDeputyIds: string[], receivedAt: string, channel = 'reception-day') => ({
  caseId, trackingCode, channel, stationId: 'st-a', areaCode: '520221104', category: 'roads', categoryName: '道路与排水', summary,
  constituent: { name: '胡秀英' }, urgency: 'urgent', receivedAt, receptionDeputyIds, replyDueBy: '2026-03-03T02:00:00.000Z',
});

async function culvertStory(t: Test) {
  const s = await setup(t);
  await s.add('c1', 'CaseReceived', received('c1', 'ABCD-EFGH', '村道涵洞堵塞', ['dep-zhou', 'dep-wu'], '2026-03-02T02:00:00.000Z'), staff, '2026-03-02T02:30:00.000Z');
  await s.add('c1', 'CaseAssigned', { deputyIds: ['dep-zhou', 'dep-luo'] }, supervisor, '2026-03-02T03:00:00.000Z');
  await s.add('c1', 'CaseAcknowledged', {}, deputy('dep-zhou'), '2026-03-02T04:00:00.000Z');
  await s.add('c1', 'SiteCheckScheduled', { at: '2026-03-03T00:00:00.000Z' }, deputy('dep-zhou'), '2026-03-02T05:00:00.000Z');
  await s.add('c1', 'SiteCheckCompleted', { findings: '清理涵洞淤泥', checkedAt: '2026-03-03T01:00:00.000Z', participants: { deputyIds: ['dep-zhou', 'dep-wu'], staff: [] } }, deputy('dep-zhou'), '2026-03-03T02:00:00.000Z');
  await s.add('c1', 'CaseReferred', { agency: '区水务局' }, deputy('dep-zhou'), '2026-03-03T03:00:00.000Z');
  await s.add('c1', 'AgencyReplied', { agency: '区水务局', reply: '已派人维修' }, deputy('dep-zhou'), '2026-03-03T04:00:00.000Z');
  await s.add('c1', 'ProgressNoted', { text: '施工队已进场' }, deputy('dep-zhou'), '2026-03-03T05:00:00.000Z');
  await s.add('c1', 'CaseResolved', { outcome: 'done', summary: '涵洞已疏通' }, deputy('dep-zhou'), '2026-03-03T06:00:00.000Z');
  await s.add('c1', 'FeedbackGiven', { method: 'in-person', summary: '到家中告知' }, deputy('dep-wu'), '2026-03-03T07:00:00.000Z');
  await s.add('c1', 'NoteAdded', { text: '群众送来感谢信' }, deputy('dep-zhou'), '2026-03-04T07:00:00.000Z');
  await s.add('c1', 'FollowUpRecorded', { resolved: true, satisfaction: 'satisfied' }, staff, '2026-03-10T02:00:00.000Z');
  await s.add('c1', 'CaseClosed', {}, staff, '2026-03-10T03:00:00.000Z');
  await s.settled();
  return s;
}

const all = (db: Parameters<typeof readDiary>[0], id: string) => readDiary(db, id, { limit: 200 });

t.test('diary › records every kind of entry for the deputy, in time order, and nothing of others', async (t) => {
  const { db } = await culvertStory(t);
  const zhou = all(db, 'dep-zhou');
  t.same(zhou.map((e) => [e.type, e.role]), [
    ['CaseReceived', 'reception'], ['CaseAssigned', 'assigned'], ['CaseAcknowledged', 'actor'], ['SiteCheckScheduled', 'actor'],
    ['SiteCheckCompleted', 'actor'], ['CaseReferred', 'actor'], ['AgencyReplied', 'actor'], ['ProgressNoted', 'actor'],
    ['CaseResolved', 'actor'], ['NoteAdded', 'actor'],
  ]);
  t.ok(zhou.every((e) => e.kind === 'case' && e.trackingCode === 'ABCD-EFGH' && e.refId === 'c1'), 'each entry names the case and its tracking code');
  t.equal(zhou[0]!.at, '2026-03-02T02:00:00.000Z', 'a reception is dated by the visit, not by when it was typed in');
  t.equal(zhou[4]!.at, '2026-03-03T01:00:00.000Z', 'a site check is dated when it happened');
  t.same(all(db, 'dep-wu').map((e) => [e.type, e.role]), [['CaseReceived', 'reception'], ['SiteCheckCompleted', 'site-check'], ['FeedbackGiven', 'actor']]);
  t.same(all(db, 'dep-luo').map((e) => e.type), ['CaseAssigned']);
  t.same(all(db, 'staff-a'), [], 'staff and supervisors keep no diary here');
  t.same(all(db, 'dep-nobody'), []);
});

t.test('diary › sentences in Chinese and in English, dated in China time', async (t) => {
  const { db } = await culvertStory(t);
  const say = (id: string, language: 'zh' | 'en') => all(db, id).map((row) => diarySentence(row, language));
  t.same(say('dep-zhou', 'zh'), [
    '3月2日 接待选民，登记事项 ABCD-EFGH：村道涵洞堵塞',
    '3月2日 受交办事项 ABCD-EFGH：村道涵洞堵塞',
    '3月2日 签收事项 ABCD-EFGH：村道涵洞堵塞',
    '3月2日 约定3月3日 08:00到现场察看事项 ABCD-EFGH',
    '3月3日 到现场察看事项 ABCD-EFGH：清理涵洞淤泥',
    '3月3日 将事项 ABCD-EFGH 转交区水务局办理',
    '3月3日 记录区水务局对事项 ABCD-EFGH 的答复：已派人维修',
    '3月3日 记录事项 ABCD-EFGH 的进展：施工队已进场',
    '3月3日 办结事项 ABCD-EFGH（已解决）：涵洞已疏通',
    '3月4日 为事项 ABCD-EFGH 添加备注：群众送来感谢信',
  ]);
  t.same(say('dep-wu', 'en'), [
    '2 Mar: Received a visitor and registered matter ABCD-EFGH: 村道涵洞堵塞',
    '3 Mar: Inspected the site of matter ABCD-EFGH: 清理涵洞淤泥',
    '3 Mar: Told the constituent in person how matter ABCD-EFGH was handled: 到家中告知',
  ]);
});

t.test('diary › from/to select a stretch of time; pages continue after the last entry seen', async (t) => {
  const { db } = await culvertStory(t);
  const between = readDiary(db, 'dep-zhou', { from: '2026-03-03T00:00:00.000Z', to: '2026-03-03T05:00:00.000Z', limit: 50 });
  t.same(between.map((e) => e.type), ['SiteCheckCompleted', 'CaseReferred', 'AgencyReplied'], 'from inclusive, to exclusive');
  const first = readDiary(db, 'dep-zhou', { limit: 4 });
  const last = first.at(-1)!;
  const second = readDiary(db, 'dep-zhou', { limit: 4, after: [last.at, last.position] });
  const third = readDiary(db, 'dep-zhou', { limit: 4, after: [second.at(-1)!.at, second.at(-1)!.position] });
  t.same([...first, ...second, ...third].map((e) => e.type), all(db, 'dep-zhou').map((e) => e.type), 'pages add up to the whole diary');
  t.equal(third.length, 2);
});

t.test('diary › online and hotline matters, reassignment, and merge bookkeeping left out', async (t) => {
  const { db, add, settled } = await setup(t);
  await add('c2', 'CaseReceived', received('c2', 'HJKL-MNPQ', '路灯不亮', [], '2026-05-01T12:00:00.000Z', 'online-message'), deputy('dep-tian'), '2026-05-01T12:00:00.000Z');
  await add('c3', 'CaseReceived', received('c3', 'RSTU-VWXY', '停水', ['dep-tian'], '2026-05-02T12:00:00.000Z', 'hotline'), staff, '2026-05-02T12:00:00.000Z');
  await add('c3', 'CaseAssigned', { deputyIds: ['dep-song'] }, staff, '2026-05-02T13:00:00.000Z');
  await add('c3', 'CaseReassigned', { deputyIds: ['dep-tian'], reason: '外出' }, supervisor, '2026-05-02T14:00:00.000Z');
  await add('c3', 'CaseAttached', { caseId: 'c2' }, supervisor, '2026-05-02T15:00:00.000Z');
  await add('c2', 'FeedbackRelayed', { fromCaseId: 'c3', method: 'phone', summary: '已修复' }, deputy('dep-tian'), '2026-05-03T15:00:00.000Z');
  await add('c3', 'CaseDeclined', { reason: 'x' }, deputy('dep-tian'), '2026-05-03T16:00:00.000Z');
  await settled();
  const tian = all(db, 'dep-tian');
  t.same(tian.map((e) => diarySentence(e, 'zh')), [
    '5月1日 收到网上留言，事项 HJKL-MNPQ：路灯不亮',
    '5月2日 登记热线来电，事项 RSTU-VWXY：停水',
    '5月2日 经改派接办事项 RSTU-VWXY：停水',
    '5月4日 参与办理事项 RSTU-VWXY（CaseDeclined）',
  ], 'a relayed answer is not done twice; a type without a sentence still names the matter');
  t.same(tian.slice(0, 3).map((e) => diarySentence(e, 'en')), [
    '1 May: Had an online message, matter HJKL-MNPQ: 路灯不亮',
    '2 May: Registered a hotline call as matter RSTU-VWXY: 停水',
    '2 May: Took over matter RSTU-VWXY on reassignment: 停水',
  ]);
  t.same(all(db, 'dep-song').map((e) => e.type), ['CaseAssigned']);
});

t.test('diary › applying the same events again changes nothing', async (t) => {
  const { db, store } = await culvertStory(t);
  const table = () => db.prepare(`SELECT * FROM ${diaryTables.entries} ORDER BY deputy_id, at, position`).all();
  const before = table();
  t.equal(before.length, 14);
  // The runner re-applies a whole batch after a crash between its rows and its checkpoint.
  const projection = diaryProjection(caseReadingRules);
  for (const event of await store.readAll({ fromPosition: 0 })) projection.evolve(db, event);
  t.same(table(), before);
});
