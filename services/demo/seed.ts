import { randomUUID } from 'node:crypto';
import type { CaseAction, ReceiveBody } from '../../contracts/case/commands.js';
import { claimsSchema, type Claims } from '../../contracts/identity.js';
import type { CaseService } from '../cases/case-service.js';
import { actorOf } from '../commands/envelope.js';
import type { Directory } from '../directory/index.js';
import { demoStories } from './case-stories.js';
import { demoAreas, demoCategories, demoDeputies, demoPeople, demoStations } from './directory-data.js';

const SET_UP_AT = new Date('2026-01-05T09:00:00+08:00').toISOString();

function claimsOf(who: string): Claims {
  if (who in demoPeople) return claimsSchema.parse(demoPeople[who as keyof typeof demoPeople]);
  const deputy = demoDeputies.find((d) => d.id === who);
  if (!deputy) throw new Error(`demo: nobody called ${who}`);
  return claimsSchema.parse({ sub: deputy.id, name: deputy.name, role: 'deputy', stations: deputy.stationIds });
}

const later = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

/**
 * Fills an empty store with the demo, through the same commands people use:
 * the directory first, then every case step in the order it happened, so the
 * log reads as the year did. The service's own parsers read each body, as a
 * route would.
 */
export async function seedDemo(directory: Directory, cases: CaseService): Promise<{ cases: number; events: number }> {
  const admin = actorOf(claimsSchema.parse(demoPeople.admin));
  const entries = [['area', demoAreas], ['station', demoStations], ['deputy', demoDeputies], ['category', demoCategories]] as const;
  for (const [kind, records] of entries) {
    for (const record of records) await directory.register(kind, record, admin, { now: SET_UP_AT, idempotencyKey: randomUUID() });
  }
  // Everyone who acts in the demo can sign in: `npm run cli -- token --sub sup-shuicheng` gives a supervisor's token.
  const accounts = [
    ...Object.values(demoPeople).map((p) => ({ id: p.sub, name: p.name, role: p.role, stationIds: [...p.stations], ...('area' in p ? { area: p.area } : {}) })),
    ...demoDeputies.map((d) => ({ id: d.id, name: d.name, role: 'deputy' })),
  ];
  for (const account of accounts) await directory.register('account', account, admin, { now: SET_UP_AT, idempotencyKey: randomUUID() });
  const ids = new Map<string, string>();
  const timeline = demoStories.flatMap((story) => [
    { at: new Date(story.receivedAt).toISOString(), story, step: undefined },
    ...story.steps.map((step) => ({ at: later(story.receivedAt, step[3]), story, step })),
  ]);
  timeline.sort((a, b) => a.at.localeCompare(b.at));
  for (const { at, story, step } of timeline) {
    if (!step) {
      const outcome = await cases.receive(claimsOf(story.receivedBy), story.body as ReceiveBody, { now: at });
      ids.set(story.key, outcome.view.id);
      continue;
    }
    const [who, action, data] = step;
    const resolved = Object.fromEntries(
      Object.entries(data).map(([k, v]) => [k, typeof v === 'string' && v.startsWith('@') ? ids.get(v.slice(1)) : v]),
    );
    await cases.act(claimsOf(who), ids.get(story.key)!, action as CaseAction, resolved, { now: at });
  }
  return { cases: ids.size, events: timeline.length };
}
