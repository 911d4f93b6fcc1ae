import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { AppOptions } from '../../services/http/app.js';
import type { SchedulerPluginOptions } from '../../services/http/plugins/scheduler.js';
import type { Test } from 'tap';
import type { EventStore } from '../../contracts/event-store.js';
import type { Claims } from '../../contracts/identity.js';
import { openTestStore } from './store-factory.js';
import { buildApp } from '../../services/http/app.js';
import { tokenService } from '../../services/http/auth/tokens.js';

/**
 * Two districts, stations in each, and their deputies. Baichehe and Panlong
 * are two stations of one district (520221): Luo serves Panlong only, so
 * staff at Baichehe may not assign him, though a supervisor may.
 */
export const directorySeed = {
  areas: [
    { code: '520221', name: 'Shuicheng District' },
    { code: '520221104', name: 'Panlong Town' },
    { code: '520201', name: 'Zhongshan District' },
  ],
  stations: [
    { id: 'st-panlong', name: 'Panlong Town Station', kind: 'station', areaCode: '520221104', address: 'Panlong town hall', receptionSchedule: 'Mondays 9:00–12:00' },
    { id: 'st-baichehe', name: 'Baichehe Community Room', kind: 'room', areaCode: '520221104', address: 'Baichehe community centre', receptionSchedule: 'Mondays' },
    { id: 'st-hecheng', name: 'Hecheng Street Station', kind: 'station', areaCode: '520201', address: 'Hecheng street office', receptionSchedule: 'Weekdays online, Mondays in person' },
  ],
  deputies: [
    { id: 'dep-li', name: 'Li Xianjian', level: 'township', stationIds: ['st-baichehe', 'st-panlong'] },
    { id: 'dep-wen', name: 'Wen Youliang', level: 'township', stationIds: ['st-baichehe'] },
    { id: 'dep-luo', name: 'Luo Jian', level: 'city', stationIds: ['st-panlong'] },
    { id: 'dep-yue', name: 'Li Yue', level: 'county', stationIds: ['st-hecheng'] },
  ],
  /** Each district keeps its own list: `roads` is urgent in Shuicheng, normal in Zhongshan. */
  categories: [
    { areaCode: '520221', code: 'roads', nameZh: '道路与排水', nameEn: 'Roads and drainage', defaultUrgency: 'urgent' },
    { areaCode: '520221', code: 'industry', nameZh: '产业发展', nameEn: 'Local industry', defaultUrgency: 'complex' },
    { areaCode: '520201', code: 'roads', nameZh: '道路', nameEn: 'Roads', defaultUrgency: 'normal' },
  ],
};

export type Who = { sub: string; role: Claims['role']; name?: string; stations?: readonly string[]; area?: string };

export const people = {
  admin: { sub: 'admin-1', role: 'admin' },
  staff: { sub: 'staff-baichehe', role: 'staff', stations: ['st-baichehe'] },
  otherStaff: { sub: 'staff-hecheng', role: 'staff', stations: ['st-hecheng'] },
  deputyLi: { sub: 'dep-li', role: 'deputy', stations: ['st-baichehe', 'st-panlong'] },
  deputyWen: { sub: 'dep-wen', role: 'deputy', stations: ['st-baichehe'] },
  deputyYue: { sub: 'dep-yue', role: 'deputy', stations: ['st-hecheng'] },
  supervisor: { sub: 'sup-shuicheng', role: 'supervisor', area: '520221' },
  otherSupervisor: { sub: 'sup-zhongshan', role: 'supervisor', area: '520201' },
  auditor: { sub: 'aud-1', role: 'auditor' },
} satisfies Record<string, Who>;

/** A reception form as Baichehe's staff fill it in; the urgency comes from the category. */
export const culvert = {
  channel: 'reception-day',
  stationId: 'st-baichehe',
  category: 'roads',
  summary: 'Blocked culvert floods the village road',
  constituent: { name: 'Hu Zhongmin', phone: '138 0000 0613', address: 'Fana village, group 4' },
};

const DAY_MS = 86_400_000;
/** A time `days` from now (negative: ago), as the server will judge it. */
export const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

/** Action bodies that pass every v2 rule (times relative to now). */
export const bodies = {
  assign: { deputyIds: ['dep-li'] },
  scheduleSiteCheck: () => ({ at: inDays(1) }),
  completeSiteCheck: { findings: 'Cleared the culvert', participants: { deputyIds: ['dep-li'], staff: ['Village clerk'] } },
  resolve: { outcome: 'done', summary: 'Road dry again' },
  feedback: { method: 'in-person', summary: 'Told her at home' },
  goodFollowUp: { resolved: true, satisfaction: 'satisfied' },
  poorFollowUp: { resolved: false, satisfaction: 'unsatisfied', comment: 'Floods again' },
  escalate: () => ({ to: 'County people’s congress office', reason: 'No reply in five days', dueBy: inDays(3) }),
};

/** The steps that take a fresh case to `answered` (run as admin). */
export const toAnswered: Array<[string, unknown?]> = [
  ['assign', bodies.assign],
  ['acknowledge'],
  ['resolve', bodies.resolve],
  ['give-feedback', bodies.feedback],
];

export interface TestAppOptions {
  /** Register the directory seed through the API (default true). */
  seed?: boolean;
  /** Wait until the read models have caught up, as /readyz would (default true). */
  ready?: boolean;
  /** Build over this store (kept open when the app closes), e.g. a second app over the first one's log. */
  store?: EventStore;
  caseWorkflowVersion?: number;
  /** Run the scheduler, on this clock (off by default: the real clock would fire the fixtures' deadlines). */
  scheduler?: SchedulerPluginOptions;
  /** Deliver notifications to this webhook. */
  webhook?: AppOptions['webhook'];
  /** Rate limits and timeouts over the defaults (a test of the online station's limits). */
  limits?: AppOptions['limits'];
}

export interface TestApp {
  app: FastifyInstance;
  store: EventStore;
  /** The header for `who`, whose account (with exactly these rights) the directory now holds. */
  auth(who: Who): Promise<{ authorization: string }>;
  /** Sends a JSON request as someone; returns the response with its body parsed. */
  call(
    who: Who,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** A case opened at Baichehe by its staff (or `form`), driven by admin through the given actions. */
  openCase(actions?: Array<[string, unknown?]>, form?: object): Promise<{ id: string; revision: number }>;
  /** Closes the app now (the teardown then does nothing more for it). */
  close(): Promise<void>;
}

const tokens = tokenService('test-secret');
/** A bearer token for `who`: it says who they are; their rights are their account's. */
export const tokenFor = (who: Who) => `Bearer ${tokens.sign({ sub: who.sub, ...(who.name ? { name: who.name } : {}) })}`;

/**
 * Rights come from the directory, so every test person has an account with
 * the rights the test gives them: registered the first time they act, and
 * changed when a test gives them other rights.
 */
async function ensureAccount(app: FastifyInstance, who: Who): Promise<void> {
  const wanted = {
    name: who.name ?? who.sub,
    role: who.role,
    stationIds: [...(who.stations ?? [])],
    ...(who.area === undefined ? {} : { area: who.area }),
  };
  const by = { id: 'test-setup', role: 'system' as const };
  const request = { now: new Date().toISOString() };
  const existing = (await app.directory.get('account', who.sub))?.record;
  if (!existing) {
    await app.directory.register('account', { id: who.sub, ...wanted }, by, request);
    return;
  }
  const same = existing.role === wanted.role && existing.name === wanted.name && existing.area === wanted.area &&
    JSON.stringify(existing.stationIds) === JSON.stringify(wanted.stationIds);
  if (!same) await app.directory.update('account', who.sub, wanted, by, request);
}

async function untilReady(app: FastifyInstance): Promise<void> {
  await app.ready();
  for (let waited = 0; !app.readModels.readiness().ready; waited += 20) {
    if (waited > 20_000) throw new Error(`read models still catching up: ${app.readModels.readiness().catchingUp.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function testApp(t: Test, options: TestAppOptions = {}): Promise<TestApp> {
  // HUIYIN_TEST_STORE=esdb-wire runs the same routes over the EventStoreDB adapter.
  const store = options.store ?? (await openTestStore());
  const app = await buildApp({ store, tokens, caseWorkflowVersion: options.caseWorkflowVersion, scheduler: options.scheduler, webhook: options.webhook, limits: options.limits });
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= app.close());
  t.teardown(async () => {
    await close();
    if (!options.store) await store.close();
  });
  // Requests sent at once as one person wait for the same registration.
  const accounts = new Map<string, { wanted: string; ready: Promise<void> }>();
  const auth: TestApp['auth'] = async (who) => {
    const wanted = JSON.stringify(who);
    let entry = accounts.get(who.sub);
    if (entry?.wanted !== wanted) {
      const ready = (entry?.ready ?? Promise.resolve()).catch(() => undefined).then(() => ensureAccount(app, who));
      accounts.set(who.sub, (entry = { wanted, ready }));
    }
    await entry.ready;
    return { authorization: tokenFor(who) };
  };
  const call: TestApp['call'] = async (who, method, url, body, headers = {}) =>
    app.inject({ method, url, headers: { ...(await auth(who)), ...headers }, ...(body === undefined ? {} : { payload: body as object }) });
  // Like a load balancer, tests start on an instance whose read models have caught up (/readyz 200).
  if (options.ready !== false) await untilReady(app);
  if (options.seed !== false) await seedDirectory(call);
  // Everyone in `people` has an account before the test starts, so a test that
  // counts what a request wrote counts only that request.
  if (options.seed !== false) for (const who of Object.values(people)) await auth(who);
  const openCase: TestApp['openCase'] = async (actions = [], form = culvert) => {
    const created = await call(people.staff, 'POST', '/api/cases', form);
    if (created.statusCode !== 201) throw new Error(`open case: ${created.statusCode} ${created.body}`);
    const id = created.json().id as string;
    let revision = 0;
    for (const [action, data] of actions) {
      const res = await call(people.admin, 'POST', `/api/cases/${id}/${action}`, data ?? {});
      if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
      revision = res.json().revision;
    }
    return { id, revision };
  };
  return { app, store, auth, call, openCase, close };
}

async function seedDirectory(call: TestApp['call']): Promise<void> {
  const { areas, stations, deputies, categories } = directorySeed;
  for (const [path, items] of [['areas', areas], ['stations', stations], ['deputies', deputies], ['categories', categories]] as const) {
    for (const item of items) {
      const res = await call(people.admin, 'POST', `/api/${path}`, item);
      if (res.statusCode !== 201) throw new Error(`seeding ${path}: ${res.statusCode} ${res.body}`);
    }
  }
}
