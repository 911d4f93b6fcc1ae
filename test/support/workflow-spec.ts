import type { AnyMachineSnapshot } from 'xstate';
import type { RecordedEvent } from '../../contracts/event-store.js';
import type { Actor } from '../../contracts/metadata.js';
import type { DomainEvent, WorkflowDefinition } from '../../workflows/engine/definition.js';
import { decideAndCheck, type Decision } from '../../workflows/engine/decide.js';
import { validateCommand } from '../../workflows/engine/field-issues.js';
import { emptyStream, foldEvents } from '../../workflows/engine/fold.js';

export interface SpecOptions {
  streamId?: string;
  occurredAt?: string;
  actor?: Actor;
}

/**
 * Given/when/then over a workflow without any store: the given events are
 * folded as if recorded, the command is decided and checked as the engine
 * does, and the outcome is either the decided events or the thrown error.
 */
export function workflowSpec(definition: WorkflowDefinition) {
  return (given: DomainEvent[], options: SpecOptions = {}) => {
    const streamId = options.streamId ?? 'spec-1';
    const occurredAt = options.occurredAt ?? '2026-06-13T09:00:00.000+08:00';
    const actor = options.actor ?? { id: 'staff-1', role: 'staff' as const };
    const streamName = `${definition.category}-${streamId}`;
    const recorded: RecordedEvent[] = given.map((event, revision) => ({
      ...event,
      id: `00000000-0000-4000-8000-${String(revision).padStart(12, '0')}`,
      streamName,
      revision,
      position: revision + 1,
      recordedAt: occurredAt,
      metadata: { occurredAt, actor, commandId: `given-${revision}` },
    }));
    const before: AnyMachineSnapshot = foldEvents(definition, emptyStream(definition, streamName), recorded).snapshot;
    return {
      before,
      when(command: { type: string; data: unknown }): { decision?: Decision; error?: unknown } {
        try {
          const context = { streamId, commandId: 'when-1', occurredAt, actor };
          const valid = validateCommand(definition, { ...context, ...command }).command;
          return { decision: decideAndCheck(definition, before, valid, context) };
        } catch (error) {
          return { error };
        }
      },
    };
  };
}
