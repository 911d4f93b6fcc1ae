import { activityCommandData, activityEventContracts, type ActivityCommand, type ActivityEvent } from '../../contracts/activities.js';
import { CommandInvalidError, IllegalTransitionError } from '../../contracts/errors.js';
import type { DecideContext, WorkflowDefinition, WorkflowState } from '../engine/definition.js';
import { activityMachine, evolveActivity, type ActivityContext } from './machine.js';

export { activityMachine, emptyActivity, evolveActivity, type ActivityContext, type ActivityRecord } from './machine.js';
export { mayManageActivity, type ActivityScope } from './rights.js';

const notYet = (command: string, path: string) =>
  new CommandInvalidError(command, [{ path, message: 'must not be in the future: announce an activity still to come' }]);

/**
 * How long after an activity it may still be recorded as held: a month, as
 * a visit's form. Later, a quarter's or a year's 三个一 could be made up
 * after it was judged.
 */
const RECORD_WINDOW_MS = 30 * 86_400_000;
const tooLate = (command: string, path: string) =>
  new CommandInvalidError(command, [{ path, message: 'an activity is recorded within 30 days of it' }]);
const longAgo = (heldAt: string, now: string) => Date.parse(heldAt) < Date.parse(now) - RECORD_WINDOW_MS;

function decideActivity(command: ActivityCommand, state: WorkflowState<ActivityContext>, context: DecideContext): ActivityEvent[] {
  const activityId = context.streamId;
  const now = context.occurredAt;
  switch (command.type) {
    case 'announce': {
      const data = command.data;
      if (data.startsAt < now) {
        throw new CommandInvalidError('announce', [{ path: 'data.startsAt', message: 'must not be in the past: record an activity already held as held' }]);
      }
      if (data.endsAt !== undefined && data.endsAt <= data.startsAt) {
        throw new CommandInvalidError('announce', [{ path: 'data.endsAt', message: 'must be after startsAt' }]);
      }
      return [{ type: 'ActivityAnnounced', data: { activityId, ...data } }];
    }
    case 'record': {
      if (command.data.heldAt > now) throw notYet('record', 'data.heldAt');
      if (longAgo(command.data.heldAt, now)) throw tooLate('record', 'data.heldAt');
      return [{ type: 'ActivityHeld', data: { activityId, ...command.data } }];
    }
    case 'hold': {
      const record = state.context.record;
      // Only an announced activity is held; one never announced is recorded.
      if (state.status !== 'announced' || !record) throw new IllegalTransitionError('hold', state.status, []);
      const heldAt = command.data.heldAt ?? record.startsAt!;
      if (heldAt > now) throw notYet('hold', command.data.heldAt === undefined ? 'data' : 'data.heldAt');
      if (longAgo(heldAt, now)) throw tooLate('hold', command.data.heldAt === undefined ? 'data' : 'data.heldAt');
      const { kind, title, place, areaCode, stationId } = record;
      return [{
        type: 'ActivityHeld',
        data: {
          activityId, kind, title, place, areaCode, ...(stationId === undefined ? {} : { stationId }),
          heldAt, deputyIds: command.data.deputyIds ?? record.deputyIds, attendance: command.data.attendance, summary: command.data.summary,
        },
      }];
    }
    case 'cancel':
      return [{ type: 'ActivityCancelled', data: { activityId, reason: command.data.reason } }];
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled activity command ${(unhandled as { type: string }).type}`);
    }
  }
}

/**
 * A deputies' activity: announced, then held or called off; or recorded as
 * held afterwards. `announce` and `record` open a stream and are never
 * offered as actions on one.
 */
export const activityWorkflow: WorkflowDefinition<ActivityContext, ActivityCommand, ActivityEvent> = {
  name: 'activity',
  version: 1,
  category: 'activity',
  machine: activityMachine,
  commands: activityCommandData,
  events: activityEventContracts,
  commandEvents: { announce: 'ActivityAnnounced', record: 'ActivityHeld', hold: 'ActivityHeld', cancel: 'ActivityCancelled' },
  unlisted: ['announce', 'record'],
  decide(command, state, context) {
    // `record` and `hold` write the same event; only a new stream is recorded.
    if (command.type === 'record' && state.status !== 'new') throw new IllegalTransitionError('record', state.status, []);
    return decideActivity(command, state, context);
  },
  evolve: evolveActivity,
};
