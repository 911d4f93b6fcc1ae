import type { EventStore } from '../../contracts/event-store.js';
import { activityWorkflow } from '../../workflows/activity/index.js';
import { WorkflowEngine } from '../../workflows/engine/engine.js';
import { commandEnvelope } from '../commands/envelope.js';
import { demoPeople } from './directory-data.js';

const HOUR_MS = 3_600_000;
const CHINA_MS = 8 * HOUR_MS;
const admin = { id: demoPeople.admin.sub, role: 'admin' as const, name: demoPeople.admin.name };

/**
 * The stations' monthly contact days: who comes. Luo Jian (罗建), a city
 * deputy at Panlong, never does: he is the demo's deputy behind on 三个一.
 */
const monthlyContacts = [
  { stationId: 'st-panlong', place: '蟠龙镇人大代表联络站', deputyIds: ['dep-zhou-lan', 'dep-yang-meiyun'] },
  { stationId: 'st-baichehe', place: '百车河社区服务中心', deputyIds: ['dep-zhou-lan', 'dep-wu-haitao'] },
  { stationId: 'st-hecheng', place: '荷城街道办事处', deputyIds: ['dep-tian-yu', 'dep-song-qiang', 'dep-he-xia'] },
];
const areaOf: Record<string, string> = { 'st-panlong': '520221104', 'st-baichehe': '520221104201', 'st-hecheng': '520201003' };

/** 10:00 China time on the 10th of month `month` (0-based) of `year`. */
const tenthOf = (year: number, month: number) => new Date(Date.UTC(year, month, 10, 10) - CHINA_MS).toISOString();
const later = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * HOUR_MS).toISOString();

/**
 * Seeds the demo's activities through the activity workflow, relative to
 * `now`: a contact day a month at three stations this year so far (recorded
 * the afternoon after), one inspection Luo Jian took part in, report-backs
 * held in the summer, and two activities announced for the coming weeks —
 * the online station shows them. Returns how many activities it wrote.
 */
export async function seedDemoActivities(store: EventStore, now: string): Promise<number> {
  const engine = new WorkflowEngine(store, activityWorkflow);
  const local = new Date(Date.parse(now) + CHINA_MS);
  const year = local.getUTCFullYear();
  let written = 0;
  const run = async (id: string, type: 'record' | 'announce', data: object, at: string) => {
    // Keys named by the activity: seeding twice writes nothing new.
    const result = await engine.execute(commandEnvelope(admin, id, type, data, { now: at, idempotencyKey: `demo-${id}` }));
    if (!result.replayed) written++;
  };
  // Written up the same afternoon (never after now); one not yet held is left out.
  const record = async (id: string, data: Record<string, unknown> & { heldAt: string }) => {
    if (data.heldAt >= now) return;
    const afternoon = later(data.heldAt, 4);
    await run(id, 'record', data, afternoon < now ? afternoon : now);
  };

  for (let month = 0; month < local.getUTCMonth(); month++) {
    for (const station of monthlyContacts) {
      await record(`demo-${year}-${month + 1}-${station.stationId}`, {
        kind: 'contact', title: `${month + 1}月代表接待选民日`, place: station.place, areaCode: areaOf[station.stationId],
        stationId: station.stationId, deputyIds: station.deputyIds, heldAt: tenthOf(year, month), attendance: 12 + month, summary: '代表轮流接待，收集群众意见建议',
      });
    }
  }
  await record(`demo-${year}-inspection`, {
    kind: 'inspection', title: '农村公路安全隐患视察', place: '法那村四组', areaCode: '520221104202', deputyIds: ['dep-luo-jian', 'dep-yang-meiyun'],
    heldAt: tenthOf(year, 1), attendance: 6, summary: '查看涵洞和边坡，提出整改建议',
  });
  for (const [deputyIds, stationId] of [[['dep-zhou-lan', 'dep-wu-haitao'], 'st-baichehe'], [['dep-tian-yu', 'dep-he-xia'], 'st-hecheng']] as const) {
    await record(`demo-${year}-report-back-${stationId}`, {
      kind: 'report-back', title: `${year}年代表向选民述职`, place: monthlyContacts.find((c) => c.stationId === stationId)!.place,
      areaCode: areaOf[stationId], stationId, deputyIds: [...deputyIds], heldAt: tenthOf(year, 6), attendance: 45, summary: '报告一年来履职情况，接受选民评议',
    });
  }
  const upcoming = [
    { id: 'report-back-panlong', days: 10, kind: 'report-back', title: '代表向选民述职会', stationId: 'st-panlong', deputyIds: ['dep-luo-jian', 'dep-yang-meiyun', 'dep-zhou-lan'] },
    { id: 'study-hecheng', days: 20, kind: 'study', title: '代表履职学习会', stationId: 'st-hecheng', deputyIds: ['dep-tian-yu', 'dep-song-qiang'] },
  ];
  for (const next of upcoming) {
    // At 14:00 China time that day: an announcement names an hour, not the moment it was typed.
    const day = new Date(Date.parse(now) + CHINA_MS + next.days * 24 * HOUR_MS).toISOString().slice(0, 10);
    const startsAt = new Date(Date.parse(`${day}T14:00:00+08:00`)).toISOString();
    await run(`demo-${next.id}-${startsAt.slice(0, 10)}`, 'announce', {
      kind: next.kind, title: next.title, place: monthlyContacts.find((c) => c.stationId === next.stationId)!.place, areaCode: areaOf[next.stationId],
      stationId: next.stationId, deputyIds: next.deputyIds, startsAt, endsAt: later(startsAt, 2), summary: '欢迎选民群众参加',
    }, now);
  }
  return written;
}
