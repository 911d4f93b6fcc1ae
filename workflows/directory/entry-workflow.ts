import { assign, setup } from 'xstate';
import type { ZodType } from 'zod';
import type { EventContract } from '../../contracts/event-contract.js';
import { CommandInvalidError } from '../../contracts/errors.js';
import type { JsonObject } from '../../contracts/event-store.js';
import type { DecideContext, Stamped, WorkflowDefinition, WorkflowState } from '../engine/definition.js';

/** What the workflow knows about one directory entry. */
export interface EntryContext {
  /** The current record: the registered one with every update applied. */
  record: JsonObject | null;
  registeredAt: string | null;
  updatedAt: string | null;
}

export type EntryCommand = { type: 'register'; data: JsonObject } | { type: 'update'; data: JsonObject };
/** A directory event: the kind's Registered or Updated, with the record or the change. */
export interface EntryEvent {
  type: string;
  data: JsonObject;
}
export type EntryWorkflow = WorkflowDefinition<EntryContext, EntryCommand, EntryEvent>;

export interface EntrySpec {
  /** Workflow name and stream category at once (`area` → `area-<code>`). */
  name: string;
  /** The record's identity field, which equals the stream id. */
  key: string;
  record: ZodType;
  change: ZodType;
  registered: { type: string; contract: EventContract };
  updated: { type: string; contract: EventContract };
}

const emptyEntry: EntryContext = { record: null, registeredAt: null, updatedAt: null };

/**
 * One machine shape for every kind of entry: `new` is the only state that
 * takes Registered, so registering an existing id can never pass the
 * engine's check, and `registered` takes any number of updates.
 */
function entryMachine(spec: EntrySpec) {
  return setup({
    types: { context: {} as EntryContext, events: {} as Stamped<EntryEvent> },
    actions: {
      record: assign(({ context, event }) =>
        event.type === spec.registered.type
          ? { record: event.data, registeredAt: event.occurredAt, updatedAt: event.occurredAt }
          : { ...context, record: { ...context.record, ...event.data }, updatedAt: event.occurredAt },
      ),
    },
  }).createMachine({
    id: spec.name,
    initial: 'new',
    context: emptyEntry,
    states: {
      new: { on: { [spec.registered.type]: { target: 'registered', actions: 'record' } } },
      registered: { on: { [spec.updated.type]: { actions: 'record' } } },
    },
  });
}

// Values are JSON (strings, arrays of strings): equal when they serialise alike.
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `data` that would change `current` (all of them when there is no record yet). */
export function changedFields(current: JsonObject | null, data: JsonObject): JsonObject {
  return Object.fromEntries(
    Object.entries(data).filter(([field, value]) => value !== undefined && !(current && sameValue(current[field], value))),
  ) as JsonObject;
}

function decideEntry(spec: EntrySpec, command: EntryCommand, state: WorkflowState<EntryContext>, context: DecideContext): EntryEvent[] {
  switch (command.type) {
    case 'register':
      // A calendar's key is its year, a number; stream ids are text.
      if (String(command.data[spec.key]) !== context.streamId) {
        throw new CommandInvalidError('register', [
          { path: `data.${spec.key}`, message: `must equal the entry id ${context.streamId}` },
        ]);
      }
      return [{ type: spec.registered.type, data: command.data }];
    case 'update': {
      const current = state.context.record;
      const changed = changedFields(current, command.data);
      // An entry that does not exist yet is left for the machine to turn down.
      if (current && Object.keys(changed).length === 0) {
        throw new CommandInvalidError('update', [{ path: 'data', message: 'the update changes nothing' }]);
      }
      // The identity as the record holds it (a calendar's year is a number, its stream id text).
      return [{ type: spec.updated.type, data: { [spec.key]: current?.[spec.key] ?? context.streamId, ...changed } }];
    }
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled directory command ${(unhandled as { type: string }).type}`);
    }
  }
}

/** A workflow definition for one kind of directory entry. */
export function entryWorkflow(spec: EntrySpec): EntryWorkflow {
  return {
    name: spec.name,
    version: 1,
    category: spec.name,
    machine: entryMachine(spec),
    commands: { register: spec.record, update: spec.change },
    events: { [spec.registered.type]: spec.registered.contract, [spec.updated.type]: spec.updated.contract },
    commandEvents: { register: spec.registered.type, update: spec.updated.type },
    decide: (command, state, context) => decideEntry(spec, command, state, context),
  };
}
