import type { Actor } from '../../contracts/actor.js';
import type { EventStore } from '../../contracts/event-store.js';
import { HuiyinError } from '../../contracts/errors.js';
import { systemPrincipal, type Principal, type TokenClaims } from '../../contracts/identity.js';
import { credentialsWorkflow, type CredentialsContext } from '../../workflows/credentials/index.js';
import { lockedForSeconds } from '../../workflows/credentials/lockout.js';
import { WorkflowEngine } from '../../workflows/engine/engine.js';
import { KeyedQueue } from '../../workflows/engine/keyed-queue.js';
import { actorOf, commandEnvelope } from '../commands/envelope.js';
import { checkNewPassword, decoyHash, hashPassword, passwordMatches } from './passwords.js';
import type { Accounts } from './rights.js';
import { newSessionKey, parseSessionKey, sessionIdOf, sessionKeyText } from './session-keys.js';
import { StrangerLockout } from './stranger-lockout.js';

/** A session lives as long as a person's token may: 12 hours, then they sign in again. */
export const SESSION_SECONDS = 12 * 3600;

/** A session the cookie names, still open: who it is for, as token claims the rights check reads. */
export interface OpenSessionFacts {
  account: string;
  sessionId: string;
  claims: TokenClaims;
  mustChange: boolean;
}

export interface SignedInOutcome {
  /** The cookie's value. */
  key: string;
  principal: Principal;
  mustChange: boolean;
}

const wrongPassword = () => new HuiyinError('AUTH.UNAUTHENTICATED', 'the account or the password is wrong');
const locked = (seconds: number) =>
  new HuiyinError('AUTH.LOCKED', `too many wrong passwords: try again in ${seconds} s`, { retryAfterSeconds: seconds });
/** What records a wrong password: Huiyin itself, since nobody is signed in. */
const signInDesk = actorOf(systemPrincipal('sign-in'));

/**
 * Passwords and sessions of person accounts, kept as events in a stream
 * per account. Attempts on one account run one at a time, so a burst of
 * guesses sent at once meets the lock as guesses sent in turn would.
 */
export class Credentials {
  readonly #engine: WorkflowEngine;
  readonly #attempts = new KeyedQueue();
  readonly #strangers = new StrangerLockout();

  constructor(
    store: EventStore,
    readonly accounts: Accounts,
    readonly now: () => number = () => Date.now(),
  ) {
    this.#engine = new WorkflowEngine(store, credentialsWorkflow, { now });
  }

  async state(account: string): Promise<CredentialsContext> {
    return (await this.#engine.load(this.#engine.streamNameOf(account))).context as CredentialsContext;
  }

  async #execute(actor: Actor, account: string, type: string, data: object, correlationId?: string): Promise<void> {
    const request = { now: new Date(this.now()).toISOString(), ...(correlationId ? { correlationId } : {}) };
    await this.#engine.execute(commandEnvelope(actor, account, type, data, request));
  }

  /** Sets a person's password: `mustChange` when an administrator chose it for them. */
  async setPassword(actor: Actor, account: string, password: string, mustChange: boolean, correlationId?: string): Promise<void> {
    const record = (await this.accounts.directory.get('account', account))?.record;
    if (!record) throw new HuiyinError('DIRECTORY.NOT_FOUND', `no account ${account}`, { kind: 'account', id: account });
    if (record.kind !== 'person') {
      throw new HuiyinError('HTTP.BAD_REQUEST', 'invalid path: id', {
        errors: [{ in: 'path', path: 'id', message: 'an API client signs in with bearer tokens, not a password' }],
      });
    }
    checkNewPassword(password, account, 'password');
    const hash = await hashPassword(password);
    await this.#execute(actor, account, 'set-password', { hash, mustChange, setBy: actor.id }, correlationId);
  }

  /**
   * Signs in, or refuses with the same 401 whether the account is unknown,
   * switched off, has no password, or the password is wrong — after the
   * same scrypt work in each case.
   */
  signIn(account: string, password: string, correlationId?: string): Promise<SignedInOutcome> {
    return this.#attempts.run(account, async () => {
      const now = this.now();
      const record = (await this.accounts.directory.get('account', account))?.record;
      const state = record?.kind === 'person' && record.active ? await this.state(account) : undefined;
      if (!state?.password) {
        const seconds = this.#strangers.lockedForSeconds(account, now);
        if (seconds > 0) throw locked(seconds);
        await passwordMatches(password, await decoyHash);
        this.#strangers.recordFailure(account, now);
        throw wrongPassword();
      }
      const seconds = lockedForSeconds(state, now);
      if (seconds > 0) throw locked(seconds);
      if (!(await passwordMatches(password, state.password))) {
        await this.#execute(signInDesk, account, 'record-failure', {}, correlationId);
        throw wrongPassword();
      }
      return this.#openSession(account, state.mustChange, 'sign-in', {}, correlationId);
    });
  }

  /** A new session (on sign-in, or with a changed password), checked against the directory first. */
  async #openSession(account: string, mustChange: boolean, type: string, data: object, correlationId?: string): Promise<SignedInOutcome> {
    const now = this.now();
    const expiresAt = now + SESSION_SECONDS * 1000;
    const principal = await this.accounts.principalFor({ sub: account, iat: Math.ceil(now / 1000), exp: Math.floor(expiresAt / 1000) });
    const key = newSessionKey(account);
    const session = { sessionId: sessionIdOf(key), expiresAt: new Date(expiresAt).toISOString() };
    await this.#execute(actorOf(principal), account, type, { ...data, ...session }, correlationId);
    return { key: sessionKeyText(key), principal, mustChange };
  }

  /** The open session a cookie names, or undefined (malformed, unknown, signed out, expired, or the password changed since). */
  async session(cookie: string): Promise<OpenSessionFacts | undefined> {
    const key = parseSessionKey(cookie);
    if (!key) return undefined;
    const state = await this.state(key.account);
    const sessionId = sessionIdOf(key);
    const open = state.sessions[sessionId];
    if (!open || Date.parse(open.expiresAt) <= this.now()) return undefined;
    // The session's times as a token's, so the directory's checks (switched off, revoked) apply as to any token.
    const claims = { sub: key.account, iat: Math.ceil(Date.parse(open.signedInAt) / 1000), exp: Math.floor(Date.parse(open.expiresAt) / 1000) };
    return { account: key.account, sessionId, claims, mustChange: state.mustChange };
  }

  /** Ends the session; false when the account can no longer act (its sessions are refused anyway). */
  async signOut(session: OpenSessionFacts, correlationId?: string): Promise<boolean> {
    const who = await this.accounts.principalFor(session.claims).catch(() => undefined);
    if (!who) return false;
    await this.#execute(actorOf(who), session.account, 'sign-out', { sessionId: session.sessionId }, correlationId);
    return true;
  }

  /**
   * The person's own new password. A wrong current one counts as a wrong
   * sign-in (a session left open must not let the password be guessed).
   * Every session ends, and a new one replaces the one this was asked in.
   */
  changePassword(session: OpenSessionFacts, current: string, next: string, correlationId?: string): Promise<SignedInOutcome> {
    return this.#attempts.run(session.account, async () => {
      await this.accounts.principalFor(session.claims);
      checkNewPassword(next, session.account, 'next', current);
      const state = await this.state(session.account);
      if (!state.password || !state.sessions[session.sessionId]) throw new HuiyinError('AUTH.UNAUTHENTICATED', 'this session has ended: sign in again');
      const seconds = lockedForSeconds(state, this.now());
      if (seconds > 0) throw locked(seconds);
      if (!(await passwordMatches(current, state.password))) {
        await this.#execute(signInDesk, session.account, 'record-failure', {}, correlationId);
        throw new HuiyinError('HTTP.BAD_REQUEST', 'invalid body: current', {
          errors: [{ in: 'body', path: 'current', message: 'is not your current password' }],
        });
      }
      const hash = await hashPassword(next);
      return this.#openSession(session.account, false, 'change-password', { hash }, correlationId);
    });
  }
}
