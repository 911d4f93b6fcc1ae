import { assign, setup } from 'xstate';
import type { ActivityEvent, ActivityKind } from '../../contracts/activities.js';
import type { Stamped } from '../engine/definition.js';

/** What an activity is as announced or recorded: where, what, who. */
export interface ActivityRecord {
  kind: ActivityKind;
  title: string;
  place: string;
  areaCode: string;
  stationId?: string;
  startsAt?: string;
  endsAt?: string;
  deputyIds: string[];
  summary?: string;
}

export interface ActivityContext {
  record: ActivityRecord | null;
  held: { heldAt: string; deputyIds: string[]; attendance: number; summary: string } | null;
  cancelReason: string | null;
}

export const emptyActivity: ActivityContext = { record: null, held: null, cancelReason: null };
export type ActivityMachineEvent = Stamped<ActivityEvent>;

/** What an activity knows after one more event: every transition's one action. */
export function evolveActivity(context: ActivityContext, event: ActivityMachineEvent): ActivityContext {
  switch (event.type) {
    case 'ActivityAnnounced': {
      const { activityId: _id, ...record } = event.data;
      return { ...context, record };
    }
    case 'ActivityHeld': {
      const { kind, title, place, areaCode, stationId, heldAt, deputyIds, attendance, summary } = event.data;
      // An announced activity keeps its announcement (when it was to start); one recorded afterwards has only this.
      const record: ActivityRecord = context.record
        ? { ...context.record, kind, title, place, areaCode }
        : { kind, title, place, areaCode, deputyIds, ...(stationId === undefined ? {} : { stationId }) };
      return { ...context, record, held: { heldAt, deputyIds, attendance, summary } };
    }
    case 'ActivityCancelled':
      return { ...context, cancelReason: event.data.reason };
    default:
      return context;
  }
}

/**
 * announced → held | cancelled, or held at once (recorded afterwards). Held
 * and cancelled take nothing more: what happened is not undone, and a
 * call-off is announced anew if the activity is held after all.
 */
export const activityMachine = setup({
  types: { context: {} as ActivityContext, events: {} as ActivityMachineEvent },
  actions: { record: assign(({ context, event }) => evolveActivity(context, event)) },
}).createMachine({
  id: 'activity',
  initial: 'new',
  context: emptyActivity,
  states: {
    new: {
      on: {
        ActivityAnnounced: { target: 'announced', actions: 'record' },
        ActivityHeld: { target: 'held', actions: 'record' },
      },
    },
    announced: {
      on: {
        ActivityHeld: { target: 'held', actions: 'record' },
        ActivityCancelled: { target: 'cancelled', actions: 'record' },
      },
    },
    held: {},
    cancelled: {},
  },
});
