import type { Actor } from '../contracts/actor.js';
import { caseEventContracts, type CaseEvent, type CaseEventType } from '../contracts/case/events.js';
import type { PendingTimer } from '../contracts/case/timers.js';
import type { CaseStatus } from '../contracts/case/vocabulary.js';
import { upcastData } from '../contracts/event-contract.js';
import type { AllFilter, RecordedEvent } from '../contracts/event-store.js';

/** Every case read model reads the `case-…` streams and nothing else. */
export const caseStreams: AllFilter = { kind: 'category', categories: ['case'] };

/**
 * What a read model needs to know of the case workflow, handed in by the
 * service that composes them (projections never import workflows/): where
 * each event moves a case, per workflow version, and which events count as
 * the first reply that a reply deadline waits for. One source, so a list, a
 * dashboard and the case page never disagree on a status.
 */
export interface CaseReadingRules {
  /** version → status (or 'new') → event type → the status after it, or 'stay'. */
  statusTables: ReadonlyMap<number, Readonly<Record<string, Readonly<Partial<Record<string, string>>>>>>;
  /** Events that answer a reply deadline (a deputy's acknowledgement, feedback, …). */
  replyEvents: ReadonlySet<CaseEventType>;
  /** The workflow's timers: which events can move them, and the firings a case waits for after one more event. */
  timers: {
    moves(type: CaseEventType): boolean;
    evolve(timers: readonly PendingTimer[], event: CaseEvent, at: string): readonly PendingTimer[];
  };
}

/** A stored case event as a read model uses it: data in its current shape, with who and when. */
export interface CaseFact {
  caseId: string;
  event: CaseEvent;
  /** When it happened in the world (the command's time), ISO-8601 UTC. */
  occurredAt: string;
  actor: Actor;
  workflowVersion: number;
  position: number;
  revision: number;
}

/**
 * Exactly what `toISOString` writes, on a day every month has: such a time
 * is already in the form read models compare as strings. The engine writes
 * times this way, so most events skip parsing and formatting; any other
 * form (a day 29–31 included, which could overflow its month) goes the long way.
 */
const CANONICAL_UTC = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const isoUtcOf = (time: string): string => (CANONICAL_UTC.test(time) ? time : new Date(time).toISOString());

const isCaseEventType = (type: string): type is CaseEventType => Object.hasOwn(caseEventContracts, type);

/** The case event in `recorded`, upcast to its current shape; undefined for a type this code does not know. */
export function caseFactOf(recorded: RecordedEvent): CaseFact | undefined {
  if (!isCaseEventType(recorded.type)) return undefined;
  const metadata = recorded.metadata;
  const data = upcastData(caseEventContracts[recorded.type], recorded.data, metadata);
  const workflow = metadata.workflow as { version?: unknown } | undefined;
  return {
    caseId: recorded.streamName.slice('case-'.length),
    event: { type: recorded.type, data } as CaseEvent,
    occurredAt: isoUtcOf(String(metadata.occurredAt ?? recorded.recordedAt)),
    actor: metadata.actor as Actor,
    workflowVersion: typeof workflow?.version === 'number' ? workflow.version : 1,
    position: recorded.position,
    revision: recorded.revision,
  };
}

/** The status a case has after `type`, by its workflow version's table; unknown moves keep the status. */
export function statusAfter(rules: CaseReadingRules, version: number, status: CaseStatus | 'new', type: CaseEventType): CaseStatus | 'new' {
  const next = rules.statusTables.get(version)?.[status]?.[type];
  return next === undefined || next === 'stay' ? status : (next as CaseStatus);
}
