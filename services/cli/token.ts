import { randomUUID } from 'node:crypto';
import type { Account } from '../../contracts/directory.js';
import { CommandInvalidError, HuiyinError, type FieldIssue } from '../../contracts/errors.js';
import type { EventStore } from '../../contracts/event-store.js';
import { defaultTokenLimits } from '../accounts/rights.js';
import { EntryBook } from '../directory/entries.js';
import { loadAuthSecret, tokenService } from '../http/auth/tokens.js';

export interface TokenRequest {
  sub?: string;
  role?: string;
  name?: string;
  stations: string[];
  area?: string;
  ttlSeconds?: number;
  client: boolean;
}

/** The command line as the directory's history names it. */
const cli = { id: 'cli', role: 'system' as const, name: 'command line' };

/** What the request asks for that the account does not give. */
function beyondAccount(account: Account, request: TokenRequest, deputyStations: readonly string[] | undefined): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (request.role !== undefined && request.role !== account.role) issues.push({ path: '--role', message: `the directory says ${account.role}` });
  const stations = deputyStations ?? account.stationIds;
  for (const station of request.stations) {
    if (!stations.includes(station)) issues.push({ path: '--station', message: `${station} is not one of the account's stations` });
  }
  if (request.area !== undefined && request.area !== account.area) issues.push({ path: '--area', message: `the directory says ${account.area ?? 'no area'}` });
  return issues;
}

/**
 * A token for the subject: registers an unknown subject as an account with
 * the rights asked for; refuses rights a known account does not have.
 */
export async function issueToken(store: EventStore, dataDir: string, request: TokenRequest): Promise<string> {
  if (!request.sub) throw new CommandInvalidError('token', [{ path: '--sub', message: 'required' }]);
  const book = new EntryBook(store);
  const now = new Date().toISOString();
  let account = (await book.get('account', request.sub))?.record;
  if (!account) {
    const record = {
      id: request.sub,
      name: request.name ?? request.sub,
      kind: request.client ? 'client' : 'person',
      role: request.role,
      stationIds: request.stations,
      ...(request.area === undefined ? {} : { area: request.area }),
    };
    const data = book.parse('account', 'register', record);
    account = (await book.register('account', data, cli, { now, idempotencyKey: randomUUID() })).record;
  } else {
    const deputy = account.role === 'deputy' ? (await book.get('deputy', account.id))?.record : undefined;
    const issues = beyondAccount(account, request, deputy?.stationIds);
    if (issues.length > 0) throw new CommandInvalidError('token', issues);
    if (!account.active) throw new HuiyinError('AUTH.FORBIDDEN', `the account ${account.id} is switched off`);
  }
  const limit = account.kind === 'client' ? defaultTokenLimits.clientSeconds : defaultTokenLimits.personSeconds;
  const ttl = request.ttlSeconds ?? Math.min(limit, 12 * 3600);
  if (!Number.isInteger(ttl) || ttl <= 0 || ttl > limit) {
    throw new CommandInvalidError('token', [{ path: '--ttl', message: `whole seconds, at most ${limit} for this account` }]);
  }
  return tokenService(await loadAuthSecret(dataDir)).sign({ sub: account.id, name: account.name }, ttl);
}
