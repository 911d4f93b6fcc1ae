import type { Actor } from '../../contracts/actor.js';
import type { EntryKind } from '../../contracts/directory.js';
import { HuiyinError, WrongExpectedRevisionError } from '../../contracts/errors.js';
import type { JsonObject } from '../../contracts/event-store.js';
import { changedFields } from '../../workflows/directory/index.js';
import type { CommandRequest } from '../commands/envelope.js';
import type { Directory } from '../directory/index.js';

const identityOf = { deadlinePolicy: 'areaCode', calendar: 'year' } as const;

/**
 * Sets a policy or a calendar year whole (a PUT): registered the first
 * time, then recorded as an update holding only what changed; sent again
 * unchanged, it writes nothing. Decided on the entry as its stream says
 * now, not on a copy read lately, so two instances (or a retry after
 * another's change) never turn a PUT into a 409 or a 400. An If-Match is
 * checked even when nothing is written. Answers the position written, if any.
 */
export async function putEntry(
  directory: Pick<Directory, 'get' | 'register' | 'update'>,
  kind: Extract<EntryKind, 'deadlinePolicy' | 'calendar'>,
  id: string,
  record: Record<string, unknown>,
  actor: Actor,
  request: CommandRequest,
): Promise<{ position?: number }> {
  for (let attempt = 0; ; attempt++) {
    const current = await directory.get(kind, id, { fresh: true });
    const revision = current?.revision ?? -1;
    if (request.ifMatch !== undefined && request.ifMatch !== revision) {
      throw new WrongExpectedRevisionError(`${kind}-${id}`, request.ifMatch, revision);
    }
    try {
      if (!current) return await directory.register(kind, record, actor, request);
      // What the update would record; nothing: the PUT writes nothing.
      const { [identityOf[kind]]: _identity, ...changed } = changedFields(current.record as unknown as JsonObject, record as JsonObject);
      if (Object.keys(changed).length === 0) return {};
      return await directory.update(kind, id, changed, actor, request);
    } catch (error) {
      // Another instance registered it a moment ago: set it over theirs, once.
      const raced = error instanceof HuiyinError && error.code === 'DIRECTORY.ALREADY_EXISTS';
      if (!raced || attempt > 0) throw error;
    }
  }
}
