import type { Test } from 'tap';
import type { Actor } from '../../../contracts/actor.js';
import type { EventStore } from '../../../contracts/event-store.js';
import { TimerSignal } from '../../../projections/deadlines/index.js';
import { ReadModels } from '../../../projections/read-models.js';
import { CaseService } from '../../../services/cases/case-service.js';
import { commandEnvelope } from '../../../services/commands/envelope.js';
import { caseReadingRules } from '../../../services/read-side/projections.js';
import { Scheduler } from '../../../services/scheduler/scheduler.js';
import { deadlinesProjection } from '../../../projections/deadlines/index.js';
import { sampleCommandData } from '../../support/case-fixtures.js';
import { ManualClock } from '../../support/manual-clock.js';

export const staff = { id: 'staff-1', role: 'staff' as const };
/** The case service's directory, for commands that ask it nothing (the engine is called directly). */
export const noDirectory = { station: async () => undefined, deputy: async () => undefined, categoryFor: async () => undefined };

/** One Huiyin instance's scheduler over `store`: its own case engine, deadlines read model and clock. */
export async function schedulerOver(t: Test, store: EventStore, start: string, options: { batchSize?: number } = {}) {
  const readModels = await ReadModels.open(store, ':memory:', { batchSize: 100 });
  const signal = new TimerSignal();
  const runner = readModels.start(deadlinesProjection(caseReadingRules, signal));
  const cases = new CaseService(store, noDirectory);
  const clock = new ManualClock(start);
  const scheduler = new Scheduler({ cases, readModels, signal, clock, batchSize: options.batchSize });
  t.teardown(async () => {
    await scheduler.stop();
    await readModels.close();
  });
  /**
   * Moves the clock, once the read model shows every write so far (as it
   * would long before a deadline passes in life), and waits until the
   * firings it made due are done.
   */
  const moveTo = async (iso: string) => {
    await runner.waitFor(await store.headPosition());
    await scheduler.idle();
    clock.moveTo(iso);
    scheduler.poke();
    await scheduler.idle();
  };
  return { readModels, runner, cases, clock, scheduler, moveTo };
}

/** A case received by staff at `at` (the visit then), with the sample form and this urgency. */
export async function receive(cases: CaseService, id: string, at: string, urgency: 'emergency' | 'urgent' | 'normal' | 'complex' = 'emergency') {
  const data = { ...sampleCommandData.receive, urgency, receivedAt: at };
  return cases.engine.execute(commandEnvelope(staff, id, 'receive', data, { now: at }));
}

/** A person's action on a case at `at`. */
export async function act(cases: CaseService, id: string, type: 'assign' | 'acknowledge' | 'give-feedback' | 'resolve' | 'reopen', at: string, actor: Actor = staff) {
  return cases.engine.execute(commandEnvelope(actor, id, type, sampleCommandData[type], { now: at }));
}

/** The types of a case's events after its receipt. */
export async function eventsAfterReceipt(store: EventStore, id: string) {
  const events = await store.readStream(`case-${id}`);
  return events.slice(1).map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, actor: (e.metadata.actor as { id: string }).id }));
}
