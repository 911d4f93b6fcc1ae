import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Test } from 'tap';
import type { EventStore } from '../../contracts/event-store.js';
import { claimsSchema, type Claims } from '../../contracts/identity.js';
import { openTestStore } from './store-factory.js';
import { buildApp } from '../../services/http/app.js';
import { tokenService } from '../../services/http/auth/tokens.js';

/** Two districts, a township station in each, a village room, and their deputies. */
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
    { id: 'dep-yue', name: 'Li Yue', level: 'county', stationIds: ['st-hecheng'] },
  ],
};

export type Who = { sub: string; role: Claims['role']; stations?: readonly string[]; area?: string };

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

export const culvert = {
  channel: 'reception-day',
  stationId: 'st-baichehe',
  category: 'roads',
  summary: 'Blocked culvert floods the village road',
  constituent: { name: 'Hu Zhongmin', phone: '138 0000 0613' },
  urgency: 'urgent',
};

export interface TestApp {
  app: FastifyInstance;
  store: EventStore;
  auth(who: Who): { authorization: string };
  /** Sends a JSON request as someone; returns the response with its body parsed. */
  call(
    who: Who,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** A case opened at Baichehe by its staff, driven by admin through the given actions. */
  openCase(actions?: Array<[string, unknown?]>): Promise<{ id: string; revision: number }>;
}

export async function testApp(t: Test, options: { seed?: boolean } = {}): Promise<TestApp> {
  // HUIYIN_TEST_STORE=esdb-wire runs the same routes over the EventStoreDB adapter.
  const store = await openTestStore();
  const tokens = tokenService('test-secret');
  const app = await buildApp({ store, tokens });
  t.teardown(async () => {
    await app.close();
    await store.close();
  });
  const auth: TestApp['auth'] = (who) => ({ authorization: `Bearer ${tokens.sign(claimsSchema.parse(who))}` });
  const call: TestApp['call'] = (who, method, url, body, headers = {}) =>
    app.inject({ method, url, headers: { ...auth(who), ...headers }, ...(body === undefined ? {} : { payload: body as object }) });
  if (options.seed !== false) {
    for (const [path, items] of [['areas', directorySeed.areas], ['stations', directorySeed.stations], ['deputies', directorySeed.deputies]] as const) {
      for (const item of items) {
        const res = await call(people.admin, 'POST', `/api/${path}`, item);
        if (res.statusCode !== 201) throw new Error(`seeding ${path}: ${res.statusCode} ${res.body}`);
      }
    }
  }
  const openCase: TestApp['openCase'] = async (actions = []) => {
    const created = await call(people.staff, 'POST', '/api/cases', culvert);
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
  return { app, store, auth, call, openCase };
}
