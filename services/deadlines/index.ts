import { areaAndAbove } from '../../contracts/area.js';
import type { CalendarYear } from '../../contracts/calendar.js';
import { defaultDeadlinePolicy, type DeadlinePolicyInput } from '../../contracts/deadline-policy.js';
import type { CaseDeadlineFacts } from '../../workflows/case/index.js';
import { officialCalendars } from '../../workflows/time/official-calendars.js';
import { WorkingCalendar } from '../../workflows/time/working-days.js';
import type { Directory } from '../directory/index.js';

/** The policy a case in `areaCode` is held to, and where it is set. */
export interface EffectivePolicy {
  areaCode: string;
  policy: DeadlinePolicyInput;
  /** The area whose policy this is (the area itself or one above it); null: Huiyin's default. */
  definedBy: string | null;
  /** The area's own policy's revision, for If-Match on its PUT; -1 when it has none (inherited or the default). */
  revision: number;
  /** The revision of the policy in force (of `definedBy`'s entry; -1 for the default): what a deadline plan cites. */
  definedByRevision: number;
}

/** A year of the working calendar and where it comes from. */
export interface EffectiveYear {
  calendar: CalendarYear;
  /** `directory`: an administrator's; `shipped`: the State Council's as Huiyin ships it; `weekends-only`: nobody's yet. */
  origin: 'directory' | 'shipped' | 'weekends-only';
  revision: number;
}

const shipped = new Map(officialCalendars.map((year) => [year.year, year]));

const withoutArea = ({ areaCode: _areaCode, ...policy }: DeadlinePolicyInput & { areaCode: string }): DeadlinePolicyInput => policy;

/**
 * Deadlines as data: each area's policy (inherited down the area tree until
 * an area below sets its own) and the working calendar, both read from the
 * directory's streams as of each command, so a change applies to the next
 * deadline set and never to one already set.
 */
export class Deadlines {
  /**
   * Calendars made, by the years they hold and those years' revisions: a
   * calendar keeps the deadlines it has counted, so a new one per command
   * would count every deadline afresh. A revised year is another key.
   */
  readonly #calendars = new Map<string, WorkingCalendar>();

  constructor(private readonly directory: Pick<Directory, 'get'>) {}

  async policyFor(areaCode: string): Promise<EffectivePolicy> {
    for (const area of areaAndAbove(areaCode)) {
      const entry = await this.directory.get('deadlinePolicy', area);
      if (entry) {
        const revision = area === areaCode ? entry.revision : -1;
        return { areaCode, policy: withoutArea(entry.record), definedBy: area, revision, definedByRevision: entry.revision };
      }
    }
    return { areaCode, policy: defaultDeadlinePolicy, definedBy: null, revision: -1, definedByRevision: -1 };
  }

  async year(year: number): Promise<EffectiveYear> {
    const entry = await this.directory.get('calendar', String(year));
    if (entry) return { calendar: entry.record, origin: 'directory', revision: entry.revision };
    const official = shipped.get(year);
    if (official) return { calendar: official, origin: 'shipped', revision: -1 };
    return { calendar: { year, holidays: [], workdays: [] }, origin: 'weekends-only', revision: -1 };
  }

  /**
   * What a case command that sets a deadline from `from` is decided with:
   * the policy of the case's area and the calendar of that year and the
   * next (counting only runs forward, and the longest deadline a policy
   * allows, 250 working days, ends within the next year).
   */
  async factsFor(areaCode: string, from: string): Promise<CaseDeadlineFacts> {
    const year = new Date(Date.parse(from) + 8 * 3_600_000).getUTCFullYear();
    const [effective, ...years] = await Promise.all([this.policyFor(areaCode), this.year(year), this.year(year + 1)]);
    const known = years.filter((y) => y.origin !== 'weekends-only');
    const policyRef = { definedBy: effective.definedBy, revision: effective.definedByRevision };
    return { deadlines: { policy: effective.policy, calendar: this.#calendarOf(known), policyRef } };
  }

  #calendarOf(years: EffectiveYear[]): WorkingCalendar {
    const key = years.map((y) => `${y.calendar.year}:${y.origin}:${y.revision}`).join('|');
    let calendar = this.#calendars.get(key);
    if (!calendar) {
      if (this.#calendars.size >= 16) this.#calendars.clear();
      calendar = new WorkingCalendar(years.map((y) => y.calendar));
      this.#calendars.set(key, calendar);
    }
    return calendar;
  }
}
