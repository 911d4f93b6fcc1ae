import {
  areaChange,
  areaSchema,
  deputyChange,
  deputySchema,
  directoryEventData,
  stationChange,
  stationSchema,
  type EntryKind,
} from '../../contracts/directory.js';
import type { WorkflowDefinition } from '../engine/definition.js';
import { entryWorkflow } from './entry-workflow.js';

/** Areas are named by their administrative code: stream `area-520221`. */
export const areaWorkflow = entryWorkflow({
  name: 'area',
  key: 'code',
  record: areaSchema,
  change: areaChange,
  registered: { type: 'AreaRegistered', schema: directoryEventData.AreaRegistered },
  updated: { type: 'AreaUpdated', schema: directoryEventData.AreaUpdated },
});

export const stationWorkflow = entryWorkflow({
  name: 'station',
  key: 'id',
  record: stationSchema,
  change: stationChange,
  registered: { type: 'StationRegistered', schema: directoryEventData.StationRegistered },
  updated: { type: 'StationUpdated', schema: directoryEventData.StationUpdated },
});

export const deputyWorkflow = entryWorkflow({
  name: 'deputy',
  key: 'id',
  record: deputySchema,
  change: deputyChange,
  registered: { type: 'DeputyRegistered', schema: directoryEventData.DeputyRegistered },
  updated: { type: 'DeputyUpdated', schema: directoryEventData.DeputyUpdated },
});

export const directoryWorkflows: Record<EntryKind, WorkflowDefinition> = {
  area: areaWorkflow,
  station: stationWorkflow,
  deputy: deputyWorkflow,
};

export { entryRecord, entryWorkflow, type EntryContext, type EntrySpec } from './entry-workflow.js';
