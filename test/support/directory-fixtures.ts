import { randomUUID } from 'node:crypto';
import { categoryIdOf, entryKinds, type Category, type EntryKind } from '../../contracts/directory.js';
import type { EventStore } from '../../contracts/event-store.js';
import { directoryWorkflows, type EntryCommand, type EntryContext, type EntryEvent } from '../../workflows/directory/index.js';
import { WorkflowEngine } from '../../workflows/engine/engine.js';

/** Writes directory events through the real workflows, as the service would. */
export function directoryWriter(store: EventStore) {
  // One engine per kind of entry, whichever kinds the directory has.
  const engines = Object.fromEntries(entryKinds.map((kind) => [kind, new WorkflowEngine(store, directoryWorkflows[kind])])) as Record<
    EntryKind,
    WorkflowEngine<EntryContext, EntryCommand, EntryEvent>
  >;
  const run = (kind: EntryKind, streamId: string, type: 'register' | 'update', data: object) =>
    engines[kind].execute({
      streamId,
      type,
      data,
      commandId: randomUUID(),
      actor: { id: 'admin-1', role: 'admin' },
      occurredAt: '2026-06-13T09:00:00.000+08:00',
    });
  return {
    register: (kind: EntryKind, record: { id?: string; code?: string; [field: string]: unknown }) => run(kind, (record.id ?? record.code)!, 'register', record),
    update: (kind: EntryKind, id: string, change: object) => run(kind, id, 'update', change),
  };
}

export const station = (id: string, areaCode: string, name = `Station ${id}`) => ({
  id,
  name,
  kind: 'station',
  areaCode,
  address: `${name} address`,
  receptionSchedule: 'Mondays 9:00–12:00',
});

export const deputy = (id: string, stationIds: string[], name = `Deputy ${id}`) => ({ id, name, level: 'township', stationIds });

/** A category of an area's list; its id follows from the area and the code. */
export const category = (areaCode: string, code: string, nameEn: string, nameZh = nameEn, defaultUrgency: Category['defaultUrgency'] = 'normal'): Category => ({
  id: categoryIdOf(areaCode, code),
  areaCode,
  code,
  nameZh,
  nameEn,
  defaultUrgency,
});
