import { SLOT_MINUTES } from '../../contracts/appointments.js';
import type { DirectoryLookup } from '../../contracts/directory.js';
import type { Reception, ReceptionCalendar } from '../../contracts/receptions.js';
import { keptSlotStarts } from '../../projections/appointments/index.js';
import type { ReadModels } from '../../projections/read-models.js';
import { offeredSlots, type OfferedSlot } from '../../workflows/appointment/index.js';

export interface SlotWindow {
  from: string;
  to: string;
}

/** A calendar with no receptions: what the slot finder asks while no rota is running. */
export const noReceptions: ReceptionCalendar = {
  receptions: async () => [],
  nextReception: async () => undefined,
};

const SLOT_MS = SLOT_MINUTES * 60_000;

/**
 * A deputy's free slots: the rota's receptions at each of their stations,
 * less what the appointments read model says is kept. The read model may
 * lag a moment behind the log, so a slot offered here can still be lost to
 * a booking made just before: the slot's claim stream settles that.
 */
export class SlotFinder {
  constructor(
    readonly directory: DirectoryLookup,
    readonly readModels: ReadModels,
    /** Where receptions come from: the rota's, asked at each lookup; replaceable where no rota runs (a test's stand-in). */
    public calendar: () => ReceptionCalendar,
  ) {}

  async offered(deputyId: string, window: SlotWindow, now: string, onlyStation?: string): Promise<OfferedSlot[] | undefined> {
    const deputy = await this.directory.deputy(deputyId);
    if (!deputy) return undefined;
    const calendar = this.calendar();
    // A reception that began before `from` can still hold slots inside the window.
    const since = new Date(Date.parse(window.from) - 24 * 3_600_000).toISOString();
    const stationIds = onlyStation === undefined ? deputy.stationIds : deputy.stationIds.filter((id) => id === onlyStation);
    const receptions: Reception[] = (await Promise.all(stationIds.map((id) => calendar.receptions(id, since, window.to)))).flat();
    const db = await this.readModels.read('appointments');
    const kept = keptSlotStarts(db, deputyId, window.from, window.to);
    return offeredSlots(receptions, deputyId, { ...window, now }, kept);
  }

  /** The free slot of this deputy starting exactly at `start`, if there is one. */
  async slotAt(deputyId: string, start: string, now: string, onlyStation?: string): Promise<OfferedSlot | undefined> {
    const to = new Date(Date.parse(start) + SLOT_MS).toISOString();
    const slots = await this.offered(deputyId, { from: start, to }, now, onlyStation);
    return slots?.find((slot) => slot.start === start);
  }

  /** Slots with their station's name, as the online station lists them. */
  async named(slots: readonly OfferedSlot[]): Promise<(OfferedSlot & { stationName: string })[]> {
    const names = new Map<string, string>();
    for (const id of new Set(slots.map((slot) => slot.stationId))) names.set(id, (await this.directory.station(id))?.name ?? id);
    return slots.map((slot) => ({ ...slot, stationName: names.get(slot.stationId)! }));
  }
}
