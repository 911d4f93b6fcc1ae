import type { Test } from 'tap';
import type { EventStore } from '../../contracts/event-store.js';
import { appendRules } from './conformance/append.js';
import { concurrencyRules } from './conformance/concurrency.js';
import type { OpenStore } from './conformance/helpers.js';
import { idempotencyRules } from './conformance/idempotency.js';
import { logIdentityRules } from './conformance/log-identity.js';
import { readRules } from './conformance/read.js';
import { subscriptionRules } from './conformance/subscribe.js';
import { validationRules } from './conformance/validation.js';

export interface ConformanceOptions {
  /** Whether every store `open` hands back is on the same log (a file, a server) or each on its own (memory). */
  sharedLog?: boolean;
  /**
   * Only these groups of rules; a file whose stores are slow to open (a
   * writer thread boots for each) splits the suite, to stay within the
   * per-file time limit.
   */
  only?: RuleGroup[];
}

const groups = {
  append: (t: Test, open: OpenStore) => appendRules(t, open),
  'idempotent retries': (t: Test, open: OpenStore) => idempotencyRules(t, open),
  'concurrent appends': (t: Test, open: OpenStore) => concurrencyRules(t, open),
  validation: (t: Test, open: OpenStore) => validationRules(t, open),
  reads: (t: Test, open: OpenStore) => readRules(t, open),
  subscriptions: (t: Test, open: OpenStore) => subscriptionRules(t, open),
  'log identity': (t: Test, open: OpenStore, sharedLog: boolean) => logIdentityRules(t, open, { sharedLog }),
};
export type RuleGroup = keyof typeof groups;

/**
 * The behaviour every EventStore adapter owes its callers, after
 * EventStoreDB. `open` is called once per test and may hand back a store
 * over a log other tests share: tests use their own streams, categories and
 * event types, and assert relative order, never absolute positions.
 */
export async function eventStoreConformance(
  t: Test,
  name: string,
  open: () => Promise<EventStore>,
  options: ConformanceOptions = {},
): Promise<void> {
  const chosen = options.only ?? (Object.keys(groups) as RuleGroup[]);
  await t.test(`event store (${name})`, async (t) => {
    for (const group of chosen) await t.test(group, async (t) => groups[group](t, open, options.sharedLog ?? true));
  });
}
