import { assign, setup } from 'xstate';
import { CommandInvalidError, type FieldIssue } from '../../contracts/errors.js';
import {
  receptionDateCommand,
  receptionScheduleBody,
  rotaEventContracts,
  type ReceptionDateCommand,
  type ReceptionScheduleBody,
  type RotaEvent,
} from '../../contracts/rota.js';
import type { DecideContext, Stamped, WorkflowDefinition, WorkflowState } from '../engine/definition.js';
import { chinaDateOfInstant, weekdayOf } from './china-time.js';
import { changeOn, emptyRota, scheduleOn, type RotaContext } from './context.js';

export type RotaCommand =
  | { type: 'set-schedule'; data: ReceptionScheduleBody }
  | { type: 'change-date'; data: ReceptionDateCommand };

/** The whole next rota after one event. */
export function evolveRota(rota: RotaContext, event: Stamped<RotaEvent>): RotaContext {
  switch (event.type) {
    case 'ReceptionScheduleSet': {
      const { stationId, effectiveFrom, sessions, publishDaysAhead } = event.data;
      const kept = rota.schedules.filter((schedule) => schedule.effectiveFrom < effectiveFrom);
      return { ...rota, stationId, schedules: [...kept, { effectiveFrom, sessions, publishDaysAhead }] };
    }
    case 'ReceptionDateChanged': {
      const { stationId, ...change } = event.data;
      const earlier = rota.dateChanges[change.date] ?? [];
      return { ...rota, stationId, dateChanges: { ...rota.dateChanges, [change.date]: [...earlier, change] } };
    }
    default:
      return rota;
  }
}

const machine = setup({
  types: { context: {} as RotaContext, events: {} as Stamped<RotaEvent> },
  actions: { evolve: assign(({ context, event }) => evolveRota(context, event)) },
}).createMachine({
  id: 'rota',
  initial: 'unscheduled',
  context: emptyRota,
  states: {
    // A date is changed against a pattern, so the pattern (even an empty one) comes first.
    unscheduled: { on: { ReceptionScheduleSet: { target: 'scheduled', actions: 'evolve' } } },
    scheduled: { on: { ReceptionScheduleSet: { actions: 'evolve' }, ReceptionDateChanged: { actions: 'evolve' } } },
  },
});

const invalid = (command: string, issues: FieldIssue[]) => new CommandInvalidError(command, issues);

function decideSchedule(data: ReceptionScheduleBody, context: DecideContext): RotaEvent[] {
  const today = chinaDateOfInstant(context.occurredAt);
  const effectiveFrom = data.effectiveFrom ?? today;
  // Receptions already held stay as they were announced.
  if (effectiveFrom < today) throw invalid('set-schedule', [{ path: 'data.effectiveFrom', message: `must not be before today (${today})` }]);
  const { sessions, publishDaysAhead } = data;
  return [{ type: 'ReceptionScheduleSet', data: { stationId: context.streamId, effectiveFrom, sessions, publishDaysAhead } }];
}

function decideDateChange(data: ReceptionDateCommand, rota: RotaContext, context: DecideContext): RotaEvent[] {
  const today = chinaDateOfInstant(context.occurredAt);
  // Receptions already held stay as they were announced.
  if (data.date < today) throw invalid('change-date', [{ path: 'data.date', message: `must not be before today (${today})` }]);
  const issues: FieldIssue[] = [];
  const weekday = weekdayOf(data.date);
  const inPattern = (scheduleOn(rota, data.date)?.sessions ?? []).some((session) => session.weekday === weekday);
  const previous = changeOn(rota, data.date);
  const added = previous !== undefined && !previous.cancelled && previous.start !== undefined;
  if (data.cancelled && !inPattern && !added) {
    issues.push({ path: 'data.cancelled', message: `there is no reception on ${data.date} to cancel` });
  }
  if (!data.cancelled && !inPattern) {
    // A date the pattern does not cover is added whole.
    for (const field of ['start', 'end', 'deputyIds'] as const) {
      if (data[field] === undefined) issues.push({ path: `data.${field}`, message: `required: the weekly schedule has no reception on ${data.date}` });
    }
  }
  if (issues.length > 0) throw invalid('change-date', issues);
  return [{ type: 'ReceptionDateChanged', data: { stationId: context.streamId, ...data } }];
}

function decideRota(command: RotaCommand, state: WorkflowState<RotaContext>, context: DecideContext): RotaEvent[] {
  switch (command.type) {
    case 'set-schedule':
      return decideSchedule(command.data, context);
    case 'change-date':
      return decideDateChange(command.data, state.context, context);
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled rota command ${(unhandled as { type: string }).type}`);
    }
  }
}

/**
 * A station's reception days: its weekly pattern and the changes to single
 * dates, stream `rota-<station id>`. Which deputies may be on duty is the
 * directory's to say; the service checks it before the command gets here.
 */
export const rotaWorkflow: WorkflowDefinition<RotaContext, RotaCommand, RotaEvent> = {
  name: 'rota',
  version: 1,
  category: 'rota',
  machine,
  commands: { 'set-schedule': receptionScheduleBody, 'change-date': receptionDateCommand },
  events: rotaEventContracts,
  commandEvents: { 'set-schedule': 'ReceptionScheduleSet', 'change-date': 'ReceptionDateChanged' },
  decide: decideRota,
  evolve: evolveRota,
};

export { changeOn, emptyRota, publishDaysAheadOf, scheduleOn, type DateChange, type RotaContext, type WeeklySchedule } from './context.js';
export { receptionsBetween, receptionsOn } from './expand.js';
export { addDays, chinaDateOfInstant, chinaInstant, weekdayOf } from './china-time.js';
