import {
  areaChange,
  areaSchema,
  accountChange,
  accountSchema,
  categoryChange,
  categorySchema,
  deputyChange,
  deputySchema,
  directoryEventContracts as events,
  stationChange,
  stationSchema,
  type EntryKind,
} from '../../contracts/directory.js';
import { entryWorkflow, type EntryWorkflow } from './entry-workflow.js';

/** Areas are named by their administrative code: stream `area-520221`. */
export const areaWorkflow = entryWorkflow({
  name: 'area',
  key: 'code',
  record: areaSchema,
  change: areaChange,
  registered: { type: 'AreaRegistered', contract: events.AreaRegistered },
  updated: { type: 'AreaUpdated', contract: events.AreaUpdated },
});

export const stationWorkflow = entryWorkflow({
  name: 'station',
  key: 'id',
  record: stationSchema,
  change: stationChange,
  registered: { type: 'StationRegistered', contract: events.StationRegistered },
  updated: { type: 'StationUpdated', contract: events.StationUpdated },
});

export const deputyWorkflow = entryWorkflow({
  name: 'deputy',
  key: 'id',
  record: deputySchema,
  change: deputyChange,
  registered: { type: 'DeputyRegistered', contract: events.DeputyRegistered },
  updated: { type: 'DeputyUpdated', contract: events.DeputyUpdated },
});

/** Case categories of an area: stream `category-520221.roads`. */
export const categoryWorkflow = entryWorkflow({
  name: 'category',
  key: 'id',
  record: categorySchema,
  change: categoryChange,
  registered: { type: 'CategoryRegistered', contract: events.CategoryRegistered },
  updated: { type: 'CategoryUpdated', contract: events.CategoryUpdated },
});

/** Who may sign in and with which rights: stream `account-<id>`. */
export const accountWorkflow = entryWorkflow({
  name: 'account',
  key: 'id',
  record: accountSchema,
  change: accountChange,
  registered: { type: 'AccountRegistered', contract: events.AccountRegistered },
  updated: { type: 'AccountUpdated', contract: events.AccountUpdated },
});

export const directoryWorkflows: Record<EntryKind, EntryWorkflow> = {
  area: areaWorkflow,
  station: stationWorkflow,
  deputy: deputyWorkflow,
  category: categoryWorkflow,
  account: accountWorkflow,
};

export { entryWorkflow, type EntryCommand, type EntryContext, type EntryEvent, type EntrySpec, type EntryWorkflow } from './entry-workflow.js';
