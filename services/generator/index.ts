import type { ReceiveBody } from '../../contracts/case/commands.js';
import type { EventStore } from '../../contracts/event-store.js';
import { CaseService } from '../cases/case-service.js';
import { generatedDirectory, registerDirectory } from './directory.js';
import { planContext, type Step } from './plan.js';
import { planUnit, type Unit } from './units.js';

export interface GenerateOptions {
  /** How many cases (case streams) to write. */
  cases: number;
  /** Same seed, same events (ids, types, data and metadata). */
  seed?: string;
  /** The history's span: ISO-8601 instants; every command happens in [from, to). */
  from?: string;
  to?: string;
  /** Units written at once (each unit's commands one after another). */
  concurrency?: number;
  /** The case workflow version cases are opened under (default: the latest). */
  workflowVersion?: number;
  /** Called after each unit with the totals so far. */
  onProgress?: (progress: GenerateProgress) => void;
}

export interface GenerateProgress {
  cases: number;
  commands: number;
}

export interface GenerateResult extends GenerateProgress {
  /** Directory entries written (those already in the log are kept as they are). */
  directoryEntries: number;
}

/** A year of China time, so a history made without dates is the same whenever it is made. */
export const DEFAULT_FROM = '2025-12-31T16:00:00.000Z';
export const DEFAULT_TO = '2026-12-31T16:00:00.000Z';

function run(cases: CaseService, step: Step) {
  const request = { now: new Date(step.at).toISOString(), idempotencyKey: step.key };
  return step.action === 'receive'
    ? cases.receive(step.who, step.data as ReceiveBody, request)
    : cases.act(step.who, step.caseId, step.action, step.data, request);
}

/**
 * Writes made-up histories through the case service, as the people of a
 * generated directory (registered first), so every event is one the
 * workflow would write for a real command. Every id, time and word comes
 * from the seed: never the clock, never Math.random.
 */
export async function generateHistory(store: EventStore, options: GenerateOptions): Promise<GenerateResult> {
  const from = Date.parse(options.from ?? DEFAULT_FROM);
  const to = Date.parse(options.to ?? DEFAULT_TO);
  if (!Number.isInteger(options.cases) || options.cases < 0) throw new RangeError('cases must be a whole number, 0 or more');
  if (!(to - from >= 86_400_000)) throw new RangeError('to must be at least a day after from');
  const seed = options.seed ?? '1';
  const directory = generatedDirectory();
  // The directory is dated the day before the first case, so it is there whenever a case is received.
  const directoryEntries = await registerDirectory(store, directory, new Date(from - 86_400_000).toISOString());
  const cases = new CaseService(store, directory.lookup, { workflowVersion: options.workflowVersion });
  const ctx = planContext(seed, from, to, directory);

  // Units are planned in order, one at a time, as workers ask: the case numbers stay the same however they interleave.
  let planned = 0;
  let unitNo = 0;
  const nextUnit = (): Unit | undefined => {
    if (planned >= options.cases) return undefined;
    const unit = planUnit(ctx, unitNo++, planned, options.cases - planned);
    planned += unit.cases;
    return unit;
  };
  const progress: GenerateProgress = { cases: 0, commands: 0 };
  const worker = async () => {
    for (let unit = nextUnit(); unit; unit = nextUnit()) {
      for (const step of unit.steps) {
        try {
          await run(cases, step);
        } catch (error) {
          throw new Error(`generating ${step.action} on case ${step.caseId} at ${new Date(step.at).toISOString()}: ${String(error)}`, { cause: error });
        }
        progress.commands++;
      }
      progress.cases += unit.cases;
      options.onProgress?.({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 64) }, worker));
  return { ...progress, directoryEntries };
}
