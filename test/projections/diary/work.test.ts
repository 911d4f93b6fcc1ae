import t from 'tap';
import { diaryProjection, diarySentence, readDiary } from '../../../projections/diary/index.js';
import { caseReadingRules } from '../../../services/read-side/projections.js';
import { activityHeld, caseReceived, projected, visit } from '../three-ones/support.js';

/** Visits, appointments and activities in the duty diary, beside case entries, from a real log. */
async function week(t: Parameters<typeof projected>[0]) {
  const s = await projected(t, diaryProjection(caseReadingRules));
  await s.add('case-c1', 'CaseReceived', caseReceived('c1', ['dep-zhou'], '2026-03-02T01:00:00.000Z'));
  await s.add('visit-v1', 'VisitRegistered', visit('v1', ['dep-zhou', 'dep-wu'], '2026-03-02T02:00:00.000Z', 3));
  await s.add('appointment-p1', 'AppointmentHeld', { heldAt: '2026-03-03T02:00:00.000Z', deputyIds: ['dep-zhou'], caseIds: [] });
  const announced = { activityId: 'a1', kind: 'inspection', title: '村道安全视察', place: '法那村', areaCode: '520221104', deputyIds: ['dep-zhou', 'dep-wu'], startsAt: '2026-03-05T01:00:00.000Z' };
  await s.add('activity-a1', 'ActivityAnnounced', announced);
  await s.add('activity-a2', 'ActivityAnnounced', { ...announced, activityId: 'a2', kind: 'report-back', title: '年度述职', startsAt: '2026-03-20T01:00:00.000Z' });
  await s.add('activity-a3', 'ActivityAnnounced', { ...announced, activityId: 'a3', kind: 'study', title: '学习会', startsAt: '2026-03-21T01:00:00.000Z' });
  await s.settled();
  return s;
}

const entries = (db: Parameters<typeof readDiary>[0], id: string) => readDiary(db, id, { limit: 100 });

t.test('diary › visits, appointments and announced activities are entries with a kind and the id they are about', async (t) => {
  const { db } = await week(t);
  const zhou = entries(db, 'dep-zhou');
  t.same(zhou.map((e) => [e.kind, e.refId, e.type, e.role]), [
    ['case', 'c1', 'CaseReceived', 'reception'],
    ['visit', 'v1', 'VisitRegistered', 'reception'],
    ['appointment', 'p1', 'AppointmentHeld', 'participant'],
    ['activity', 'a1', 'ActivityAnnounced', 'participant'],
    ['activity', 'a2', 'ActivityAnnounced', 'participant'],
    ['activity', 'a3', 'ActivityAnnounced', 'participant'],
  ]);
  t.equal(zhou[0]!.trackingCode, 'T-c1');
  t.same(zhou.slice(1).map((e) => e.trackingCode), [null, null, null, null, null], 'only case entries have a tracking code');
  t.same(zhou.map((e) => diarySentence(e, 'zh')).slice(1), [
    '3月2日 接待选民，反映 3 件事项',
    '3月3日 按预约接待选民',
    '3月5日 将参加视察调研活动「村道安全视察」（法那村）',
    '3月20日 将参加向选民述职活动「年度述职」（法那村）',
    '3月21日 将参加学习培训活动「学习会」（法那村）',
  ]);
  t.notMatch(JSON.stringify(zhou), /王大妈|13800000000/, 'the visitor is never in the diary');
  t.same(entries(db, 'dep-wu').map((e) => e.type), ['VisitRegistered', 'ActivityAnnounced', 'ActivityAnnounced', 'ActivityAnnounced']);
});

t.test('diary › an activity held replaces its announcement; one called off leaves the diary', async (t) => {
  const s = await week(t);
  await s.add('activity-a1', 'ActivityHeld', { ...activityHeld('a1', 'inspection', ['dep-zhou'], '2026-03-05T02:00:00.000Z'), title: '村道安全视察', place: '法那村', attendance: 1 });
  await s.add('activity-a2', 'ActivityCancelled', { activityId: 'a2', reason: '暴雨' });
  await s.add('activity-a4', 'ActivityHeld', activityHeld('a4', 'contact', ['dep-wu'], '2026-03-06T02:00:00.000Z'));
  await s.settled();
  const zhou = entries(s.db, 'dep-zhou').filter((e) => e.kind === 'activity');
  t.same(zhou.map((e) => [e.refId, e.type, e.at]), [['a1', 'ActivityHeld', '2026-03-05T02:00:00.000Z'], ['a3', 'ActivityAnnounced', '2026-03-21T01:00:00.000Z']]);
  t.same(zhou.map((e) => diarySentence(e, 'en')), [
    '5 Mar: Took part in an inspection, “村道安全视察”, at 法那村 (1 constituent came)',
    '21 Mar: To take part in a study session, “学习会”, at 法那村',
  ]);
  const wu = entries(s.db, 'dep-wu').filter((e) => e.kind === 'activity');
  t.same(wu.map((e) => [e.refId, e.type]), [['a4', 'ActivityHeld'], ['a3', 'ActivityAnnounced']], 'who took part is who held it, not who was announced');
  t.equal(diarySentence(wu[0]!, 'zh'), '3月6日 参加联系群众活动「contact 活动」（蟠龙镇，20 名群众参加）');
  t.equal(diarySentence(entries(s.db, 'dep-wu')[0]!, 'en'), '2 Mar: Received a constituent who raised 3 matters');
});
