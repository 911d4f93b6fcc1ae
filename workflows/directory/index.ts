import {
  areaChange,
  areaSchema,
  accountChange,
  accountSchema,
  calendarChange,
  categoryChange,
  categorySchema,
  deadlinePolicyChange,
  deputyChange,
  deputySchema,
  directoryEventContracts as events,
  stationChange,
  stationSchema,
  type EntryKind,
} from '../../contracts/directory.js';
import { calendarYearSchema } from '../../contracts/calendar.js';
import { deadlinePolicySchema } from '../../contracts/deadline-policy.js';
import { entryWorkflow, type EntrySpec, type EntryWorkflow } from './entry-workflow.js';

type EventName = keyof typeof events;

/** One kind of entry: its event types follow from its name (`station` → StationRegistered, StationUpdated). */
function kind(name: EntryKind, key: string, record: EntrySpec['record'], change: EntrySpec['change']): EntryWorkflow {
  const type = name[0]!.toUpperCase() + name.slice(1);
  const registered = `${type}Registered` as EventName;
  const updated = `${type}Updated` as EventName;
  return entryWorkflow({
    name,
    key,
    record,
    change,
    registered: { type: registered, contract: events[registered] },
    updated: { type: updated, contract: events[updated] },
  });
}

/** Areas are named by their administrative code: stream `area-520221`. */
export const areaWorkflow = kind('area', 'code', areaSchema, areaChange);
export const stationWorkflow = kind('station', 'id', stationSchema, stationChange);
export const deputyWorkflow = kind('deputy', 'id', deputySchema, deputyChange);
/** Case categories of an area: stream `category-520221.roads`. */
export const categoryWorkflow = kind('category', 'id', categorySchema, categoryChange);
/** Who may sign in and with which rights: stream `account-<id>`. */
export const accountWorkflow = kind('account', 'id', accountSchema, accountChange);

/** An area's deadline policy, kept with every change: stream `deadlinePolicy-520221`. */
export const deadlinePolicyWorkflow = kind('deadlinePolicy', 'areaCode', deadlinePolicySchema, deadlinePolicyChange);
/** A year of holidays and make-up working days: stream `calendar-2026`. */
export const calendarWorkflow = kind('calendar', 'year', calendarYearSchema, calendarChange);

export const directoryWorkflows: Record<EntryKind, EntryWorkflow> = {
  area: areaWorkflow,
  station: stationWorkflow,
  deputy: deputyWorkflow,
  category: categoryWorkflow,
  account: accountWorkflow,
  deadlinePolicy: deadlinePolicyWorkflow,
  calendar: calendarWorkflow,
};

export { changedFields, entryWorkflow, type EntryCommand, type EntryContext, type EntryEvent, type EntrySpec, type EntryWorkflow } from './entry-workflow.js';
