import type { AppendRequest } from '../validate.js';
import type { CommitSummary } from './subscription.js';

/** A promise settled by the next commit; Node 20 lacks Promise.withResolvers. */
export function commitSignal(): { promise: Promise<CommitSummary>; resolve: (written: CommitSummary) => void } {
  let resolve!: (written: CommitSummary) => void;
  const promise = new Promise<CommitSummary>((settle) => (resolve = settle));
  return { promise, resolve };
}

/** What one commit wrote, so subscriptions filtering for none of it need not read. */
export function summarise(written: AppendRequest[]): CommitSummary {
  const categories = new Set<string>();
  const types = new Set<string>();
  for (const request of written) {
    categories.add(request.category);
    for (const event of request.events) types.add(event.type);
  }
  return { categories, types };
}
