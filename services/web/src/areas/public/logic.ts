import type { PublicCaseView } from '../../../../../contracts/online-station';
import type { Rate } from '../../../../../contracts/dashboard';
import type { AppointmentStatus } from '../../../../../contracts/appointments';
// The web app's own module is named with .js so this file also loads under Node for its tests.
import { chinaDate } from '../../lib/time.js';

/**
 * The online station's logic with no page: what a step line shows, how a
 * typed code is tidied, how slots group by day. Kept apart so it is tested
 * without a browser.
 */

/** Calls `run` once typing pauses for `ms`; a newer call replaces a waiting one. */
export function debounce<A extends unknown[]>(run: (...args: A) => void, ms: number): { call: (...args: A) => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    call: (...args: A) => {
      cancel();
      timer = setTimeout(() => {
        timer = undefined;
        run(...args);
      }, ms);
    },
    cancel,
  };
}

/** Arrow keys walk a list and wrap at either end; -1 means nothing is picked yet. */
export function moveActive(current: number, delta: 1 | -1, length: number): number {
  if (length === 0) return -1;
  if (current < 0) return delta > 0 ? 0 : length - 1;
  return (current + delta + length) % length;
}

/** A code as printed (XXXX-XXXX) from what a person typed: spaces dropped, upper case, the dash put in. */
export function tidyCode(typed: string): string {
  const bare = typed.replace(/[\s-]/g, '').toUpperCase();
  return bare.length === 8 ? `${bare.slice(0, 4)}-${bare.slice(4)}` : typed.trim().toUpperCase();
}

/** The last four digits of a phone number, which the station asks for when the matter is tracked. */
export function lastFourDigits(phone: string): string {
  return phone.replace(/\D/g, '').slice(-4);
}

export type StepState = 'done' | 'current' | 'todo';
export interface Step {
  key: 'received' | 'handling' | 'answered' | 'closed';
  at: string | null;
  state: StepState;
}

/**
 * The public step line: received → being handled → answered → closed. A
 * step is done when its date is known; the first one not done is where the
 * matter is now, unless the matter is closed, when every step is done.
 */
export function caseSteps(view: PublicCaseView): Step[] {
  // A matter answered without a recorded acknowledgement was handled by the time it was answered.
  const handling = view.acknowledgedAt ?? (view.statusGroup !== 'open' ? view.answeredAt ?? view.closedAt : null);
  const dates: [Step['key'], string | null][] = [
    ['received', view.receivedAt],
    ['handling', handling],
    ['answered', view.answeredAt ?? (view.statusGroup === 'closed' ? view.closedAt : null)],
    ['closed', view.statusGroup === 'closed' ? view.closedAt : null],
  ];
  let currentGiven = false;
  return dates.map(([key, at]) => {
    if (at) return { key, at, state: 'done' as const };
    const state: StepState = currentGiven ? 'todo' : 'current';
    currentGiven = true;
    return { key, at: null, state };
  });
}

/** A rate in words: "66.7%", or null when the sample is too small to say. */
export function percent(rate: Rate): string | null {
  if (rate.value === null || rate.insufficientData) return null;
  return `${(Math.round(rate.value * 1000) / 10).toFixed(1)}%`;
}

/** Slots grouped by their Beijing day, days and slots in time order. */
export function slotsByDay<S extends { start: string }>(slots: readonly S[]): { day: string; slots: S[] }[] {
  const days = new Map<string, S[]>();
  for (const slot of [...slots].sort((a, b) => a.start.localeCompare(b.start))) {
    const day = chinaDate(slot.start);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return [...days].map(([day, list]) => ({ day, slots: list }));
}

/** A citizen may call off a booking while it still holds its slot. */
export function mayCancel(status: AppointmentStatus): boolean {
  return status === 'requested' || status === 'confirmed' || status === 'rescheduled';
}

/** The first field a form check names, so the page can move the focus there. */
export function firstField(errors: Record<string, string>, order: readonly string[]): string | undefined {
  return order.find((field) => errors[field] !== undefined) ?? Object.keys(errors)[0];
}
