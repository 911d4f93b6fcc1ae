import type { Actor } from '../../contracts/actor.js';
import type { EntryKind } from '../../contracts/directory.js';
import type { CommandRequest } from '../commands/envelope.js';
import type { Directory } from '../directory/index.js';

// Values are JSON: equal when they serialise alike.
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Sets a policy or a calendar year whole: registered the first time, then
 * recorded as an update holding only what changed; sent again unchanged, it
 * writes nothing (a PUT is idempotent). Answers whether it wrote.
 */
export async function putEntry(
  directory: Pick<Directory, 'get' | 'register' | 'update'>,
  kind: Extract<EntryKind, 'deadlinePolicy' | 'calendar'>,
  id: string,
  record: Record<string, unknown>,
  actor: Actor,
  request: CommandRequest,
): Promise<{ position?: number; replayed: boolean }> {
  const current = await directory.get(kind, id);
  // An If-Match on a policy not set yet meets the new stream's revision and fails as any stale one does.
  if (!current) return directory.register(kind, record, actor, request);
  const stored = current.record as unknown as Record<string, unknown>;
  const change = Object.fromEntries(Object.entries(record).filter(([field, value]) => !same(stored[field], value)));
  const { [kind === 'calendar' ? 'year' : 'areaCode']: _identity, ...changed } = change;
  if (Object.keys(changed).length === 0) return { replayed: true };
  return directory.update(kind, id, changed, actor, request);
}
