import type { Test } from 'tap';
import type { EventStore } from '../../contracts/event-store.js';
import { appendRules } from './conformance/append.js';
import { concurrencyRules } from './conformance/concurrency.js';
import { idempotencyRules } from './conformance/idempotency.js';
import { readRules } from './conformance/read.js';
import { subscriptionRules } from './conformance/subscribe.js';
import { validationRules } from './conformance/validation.js';

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
): Promise<void> {
  await t.test(`event store (${name})`, async (t) => {
    await t.test('append', async (t) => appendRules(t, open));
    await t.test('idempotent retries', async (t) => idempotencyRules(t, open));
    await t.test('concurrent appends', async (t) => concurrencyRules(t, open));
    await t.test('validation', async (t) => validationRules(t, open));
    await t.test('reads', async (t) => readRules(t, open));
    await t.test('subscriptions', async (t) => subscriptionRules(t, open));
  });
}
