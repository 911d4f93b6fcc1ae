import { HuiyinError, WrongExpectedRevisionError } from '../../../contracts/errors.js';
import type { AppendOutcome } from './batch-writer.js';
import type { AppendRequest } from '../validate.js';

/*
 * A batch as it crosses to the writer thread and back. Structured cloning
 * costs per object, so requests travel as one flat array of strings and
 * numbers and outcomes as one Float64Array: measured about 0.6 µs per
 * request each way against 2.6 as objects, and 0.1 per outcome against 1.2.
 */

/** Per request: stream, category, expected, event count, then id, type, data, metadata per event. */
export type PackedRequests = Array<string | number>;

export function packRequests(requests: AppendRequest[]): PackedRequests {
  const packed: PackedRequests = [];
  for (const { streamName, category, expected, events } of requests) {
    packed.push(streamName, category, expected, events.length);
    for (const event of events) packed.push(event.id, event.type, event.data, event.metadata);
  }
  return packed;
}

export function unpackRequests(packed: PackedRequests): AppendRequest[] {
  const requests: AppendRequest[] = [];
  let i = 0;
  while (i < packed.length) {
    const streamName = packed[i++] as string;
    const category = packed[i++] as string;
    const expected = packed[i++] as AppendRequest['expected'];
    const count = packed[i++] as number;
    const events: AppendRequest['events'] = [];
    for (let n = 0; n < count; n++) {
      events.push({ id: packed[i++] as string, type: packed[i++] as string, data: packed[i++] as string, metadata: packed[i++] as string });
    }
    requests.push({ streamName, category, expected, events });
  }
  return requests;
}

/** A failure as it crosses a thread boundary: errors lose their classes in transit. */
export type PostedFailure =
  | { kind: 'wrong-revision'; streamName: string; expected: string | number; actual: number }
  | { kind: 'huiyin'; code: HuiyinError['code']; message: string; details: Record<string, unknown> };

/** Three numbers per outcome (next expected revision, position, events written); failures by index. */
export interface PackedOutcomes {
  results: Float64Array;
  failures: Array<[index: number, failure: PostedFailure]>;
}

function toPostedFailure(error: Error): PostedFailure {
  if (error instanceof WrongExpectedRevisionError) {
    return { kind: 'wrong-revision', streamName: error.streamName, expected: error.expected, actual: error.actual };
  }
  if (error instanceof HuiyinError) return { kind: 'huiyin', code: error.code, message: error.message, details: error.details };
  return { kind: 'huiyin', code: 'STORE.UNAVAILABLE', message: error.message, details: {} };
}

export function packOutcomes(outcomes: AppendOutcome[]): PackedOutcomes {
  const results = new Float64Array(outcomes.length * 3);
  const failures: PackedOutcomes['failures'] = [];
  outcomes.forEach((outcome, i) => {
    if (!outcome.ok) return failures.push([i, toPostedFailure(outcome.error)]);
    results[3 * i] = outcome.result.nextExpectedRevision;
    results[3 * i + 1] = outcome.result.position;
    results[3 * i + 2] = outcome.written;
  });
  return { results, failures };
}

export function unpackOutcomes({ results, failures }: PackedOutcomes): AppendOutcome[] {
  const outcomes: AppendOutcome[] = [];
  for (let i = 0; i < results.length; i += 3) {
    outcomes.push({ ok: true, result: { nextExpectedRevision: results[i]!, position: results[i + 1]! }, written: results[i + 2]! });
  }
  for (const [i, failure] of failures) {
    const error =
      failure.kind === 'wrong-revision'
        ? new WrongExpectedRevisionError(failure.streamName, failure.expected, failure.actual)
        : new HuiyinError(failure.code, failure.message, failure.details);
    outcomes[i] = { ok: false, error };
  }
  return outcomes;
}
