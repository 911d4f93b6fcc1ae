import type { AnyMachineSnapshot } from 'xstate';
import { IllegalTransitionError } from '../../contracts/errors.js';
import { nextSnapshot } from './compiled-transition.js';
import type { DecideContext, Message } from './definition.js';
import { allowedCommands, streamState, takesCommand, type FoldedStream } from './fold.js';

export interface Decision<S = unknown, C extends Message = Message, E extends Message = Message> {
  events: E[];
  /** The stream's state after the decided events (revision not yet moved). */
  after: FoldedStream<S, C, E>;
}

/**
 * The pure heart of command handling: decide on the stream's state, then
 * prove every decided event is one the machine accepts in turn. (That
 * decided events match their schemas is proven by the workflow's tests,
 * not re-checked per command.)
 */
export function decideAndCheck<S, C extends Message, E extends Message>(
  stream: FoldedStream<S, C, E>,
  command: C,
  context: DecideContext,
): Decision<S, C, E> {
  const { definition } = stream;
  // The status first: a command the case cannot take now is a conflict, whatever its data says.
  if (!takesCommand(definition, stream.snapshot, command.type)) {
    throw new IllegalTransitionError(command.type, stream.status, allowedCommands(definition, stream.snapshot));
  }
  const events = definition.decide(command, stream, context);
  let next: AnyMachineSnapshot = stream.snapshot;
  for (const event of events) {
    const after = nextSnapshot(definition, next, Object.assign({}, event, { occurredAt: context.occurredAt, actor: context.actor }));
    if (!after) throw new IllegalTransitionError(command.type, String(next.value), allowedCommands(definition, next));
    next = after;
  }
  return { events, after: events.length === 0 ? stream : streamState(stream, next) };
}
