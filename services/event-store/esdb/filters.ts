import { categoryOf, type AllFilter } from '../../../contracts/event-store.js';
import type { ServerEvent, ServerFilter } from './client.js';
import { LOG_IDENTITY_STREAM } from './log-identity.js';

/**
 * `$all` on EventStoreDB also holds the server's own events: `$`-prefixed
 * streams (settings, statistics, stream metadata), and `$`-prefixed types
 * such as the tombstone a hard delete leaves in the deleted stream. Huiyin
 * never writes either, so reads and subscriptions leave them out, as the
 * embedded store (which has none) would — and the log's identity with them,
 * which the embedded store keeps beside its events rather than among them.
 */
export function isSystemEvent(event: Pick<ServerEvent, 'streamName' | 'type'>): boolean {
  return event.streamName.startsWith('$') || event.type.startsWith('$') || event.streamName === LOG_IDENTITY_STREAM;
}

// Characters with a meaning in .NET (and JavaScript) regular expressions.
const SPECIAL = /[.*+?^${}()|[\]\\]/g;
const escape = (literal: string) => literal.replace(SPECIAL, '\\$&');
// An empty list matches nothing, as it does in the embedded store.
const NOTHING = '(?!)';

/**
 * The server-side filter for a port filter. Categories become a stream-name
 * expression anchored at the first dash; with no filter, system event types
 * are left out on the server already.
 */
export function serverFilterOf(filter: AllFilter | undefined): ServerFilter {
  if (!filter) return { on: 'eventType', regex: '^[^$]' };
  if (filter.kind === 'category') {
    // A dash ends a category, so a name with one can never match.
    const names = filter.categories.filter((category) => !category.includes('-')).map(escape);
    return { on: 'streamName', regex: names.length ? `^(?:${names.join('|')})(?:-|$)` : NOTHING };
  }
  const types = filter.types.map(escape);
  return { on: 'eventType', regex: types.length ? `^(?:${types.join('|')})$` : NOTHING };
}

/** The same decision made here, for reads the client cannot filter on the server. */
export function matches(filter: AllFilter | undefined, event: Pick<ServerEvent, 'streamName' | 'type'>): boolean {
  if (isSystemEvent(event)) return false;
  if (!filter) return true;
  if (filter.kind === 'category') return filter.categories.includes(categoryOf(event.streamName));
  return filter.types.includes(event.type);
}

export function matchesNothing(filter: AllFilter | undefined): boolean {
  if (!filter) return false;
  return (filter.kind === 'category' ? filter.categories : filter.types).length === 0;
}
