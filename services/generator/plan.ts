import type { CaseAction } from '../../contracts/case/commands.js';
import type { Urgency } from '../../contracts/case/vocabulary.js';
import type { Station } from '../../contracts/directory.js';
import type { Principal } from '../../contracts/identity.js';
import { shippedDeadlineRules } from '../../workflows/case/index.js';
import { caseDeadlines } from '../../workflows/time/deadlines.js';
import { newCaseIdFor } from '../commands/command-ids.js';
import type { GeneratedDirectory, GeneratedTown } from './directory.js';
import type { Random } from './random.js';
import { demoCategoryList } from '../demo/directory-data.js';
import { agencies, generatedCategoryList, givenNames, seasonalWeight, seasons, summaries, surnames, villageNames } from './words.js';
import { followThrough, type Fate } from './plan-work.js';

export const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CHINA_MS = 8 * HOUR;

/** One command of a generated history: who gives it, when, on which case. */
export interface Step {
  at: number;
  who: Principal;
  caseId: string;
  action: CaseAction | 'receive';
  data: Record<string, unknown>;
  /** The idempotency key: from the seed, so the command and event ids are the same on every run. */
  key: string;
}

export interface PlanContext {
  seed: string;
  from: number;
  to: number;
  directory: GeneratedDirectory;
  /** Each day (its start, China time) with its weight: Mondays are reception days. */
  days: Array<{ start: number; weight: number; monday: boolean }>;
}

export function planContext(seed: string, from: number, to: number, directory: GeneratedDirectory): PlanContext {
  const days: PlanContext['days'] = [];
  const firstDay = Math.floor((from + CHINA_MS) / DAY) * DAY - CHINA_MS;
  for (let start = firstDay; start < to; start += DAY) {
    const weekday = new Date(start + CHINA_MS).getUTCDay();
    days.push({ start, weight: weekday === 1 ? 4 : weekday === 0 || weekday === 6 ? 0.4 : 1, monday: weekday === 1 });
  }
  return { seed, from, to, directory, days };
}

/** What a duplicate (for a merge) shares with the case it repeats. */
export interface CaseShape {
  town: GeneratedTown;
  station: Station;
  category: string;
  receivedAt: number;
}

/** A planned case: its steps, and when its constituent first had an answer (a merge must come before). */
export interface PlannedCase extends CaseShape {
  caseId: string;
  steps: Step[];
  entryAt: number;
  answeredAt?: number;
}

const categoryCodes = Object.keys(seasons);
/** The urgency the directory gives each category: the deadline the service will set. */
const usualUrgency = new Map<string, Urgency>([...demoCategoryList, ...generatedCategoryList].map((c) => [c.code, c.defaultUrgency]));

function receivedTime(ctx: PlanContext, rng: Random, channel: string, day: PlanContext['days'][number]): number {
  const hour = channel === 'reception-day' ? rng.between(9, 12) : rng.between(7, 22);
  const at = day.start + Math.round(hour * HOUR);
  // The last day may end at `to`: a visit is never after it, nor before `from`.
  return Math.max(ctx.from, Math.min(at, ctx.to - HOUR));
}

function channelFor(rng: Random, monday: boolean, station: Station): string {
  if (monday) return rng.weighted(['reception-day', 'online-message', 'hotline', 'appointment'], (c) => ({ 'reception-day': 7, 'online-message': 1.5, hotline: 1 })[c] ?? 0.5);
  const home = station.kind === 'station' ? 0 : 1.5;
  return rng.weighted(['online-message', 'hotline', 'home-visit', 'appointment', 'reception-day'], (c) => ({ 'online-message': 4, hotline: 2.5, 'home-visit': home, appointment: 1 })[c] ?? 0.5);
}

const fates: Array<[Fate, number]> = [
  ['closed', 60], ['closed-without-follow-up', 10], ['reopened', 5], ['poor-close', 4], ['declined', 6],
  ['withdrawn', 4], ['stalled', 6], ['answered', 5],
];

/**
 * A case as it might have happened: received at a station on a weighted
 * day (Mondays peak), a category of the season, and a fate — most closed,
 * some late, escalated, reopened, declined or withdrawn. `like` makes a
 * duplicate of another case (same station and category, a little later).
 */
export function planCase(ctx: PlanContext, rng: Random, caseNo: number, like?: CaseShape, fate?: Fate): PlannedCase {
  const { towns } = ctx.directory;
  const town = like?.town ?? rng.pick(towns);
  const station = like?.station ?? rng.weighted([town.station, ...town.rooms], (s) => (s.kind === 'station' ? 2 : 1));
  const day = like ? { start: like.receivedAt, weight: 1, monday: false } : rng.weighted(ctx.days, (d) => d.weight);
  const channel = channelFor(rng, day.monday, station);
  const receivedAt = like ? like.receivedAt : receivedTime(ctx, rng, channel, day);
  // Entered a little after the visit, and never after the history's end (every case is in it).
  const entryAt = Math.min(ctx.to - 1, receivedAt + Math.round((channel === 'online-message' ? rng.between(0, 0.2) : rng.between(0.1, 2)) * HOUR));
  const month = new Date(receivedAt + CHINA_MS).getUTCMonth() + 1;
  const category = like?.category ?? rng.weighted(categoryCodes, (code) => seasonalWeight(code, month));
  const usual = usualUrgency.get(category) ?? 'normal';
  const urgency: Urgency = rng.chance(0.08) ? (usual === 'normal' ? 'urgent' : 'normal') : usual;
  const stationDeputies = town.deputies.filter((d) => d.stationIds.includes(station.id)).map((d) => d.id);
  const inPerson = channel === 'reception-day' || channel === 'home-visit' || channel === 'appointment';
  const village = station.kind === 'room' ? station.name.replace('人大代表联络室', '') : rng.pick(villageNames);
  const group = rng.int(1, 9);
  const summary = rng.pick(summaries[category]!).replace('{v}', village).replace('{g}', String(group));
  const key = (n: number | string) => `generate:${ctx.seed}:${caseNo}:${n}`;
  const caseId = newCaseIdFor(town.staff.sub, key('receive'));
  const receive: Step = {
    at: entryAt, who: town.staff, caseId, action: 'receive', key: key('receive'),
    data: {
      channel, stationId: station.id, category, summary,
      constituent: {
        name: `${rng.pick(surnames)}${rng.pick(givenNames)}`,
        ...(rng.chance(0.7) ? { phone: `1${rng.pick(['38', '39', '37', '58', '87'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}` } : {}),
        address: `${village}${group}组`,
      },
      ...(urgency === usual ? {} : { urgency }),
      receivedAt: new Date(receivedAt).toISOString(),
      ...(inPerson ? { receptionDeputyIds: rng.some(stationDeputies, rng.int(1, 2)) } : {}),
    },
  };
  const planned: PlannedCase = { town, station, category, receivedAt, caseId, entryAt, steps: [receive] };
  if (like) return planned;
  const work = followThrough(ctx, rng, {
    fate: fate ?? rng.weighted(fates, ([, w]) => w)[0],
    caseId, town, stationDeputies, agency: agencies[category] ?? '镇人民政府', entryAt,
    // The deadline the case service will set (the default policy): late replies are planned against it.
    replyDueBy: Date.parse(caseDeadlines(shippedDeadlineRules.policy, shippedDeadlineRules.calendar, urgency, new Date(receivedAt).toISOString()).replyDueBy),
    siteCheckLikely: ['roads', 'water', 'safety-hazard', 'ice', 'power'].includes(category),
    key,
  });
  planned.steps.push(...work.steps);
  if (work.answeredAt !== undefined) planned.answeredAt = work.answeredAt;
  return planned;
}
