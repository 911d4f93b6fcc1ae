import { assign, setup } from 'xstate';
import { z } from 'zod';
import { credentialEventContracts, type CredentialEvent, type PasswordHash } from '../../contracts/credentials.js';
import { HuiyinError } from '../../contracts/errors.js';
import type { DecideContext, Stamped, WorkflowDefinition } from '../engine/definition.js';
import { lockedForSeconds } from './lockout.js';

export interface OpenSession {
  signedInAt: string;
  expiresAt: string;
}

/** What an account's credentials stream says now. */
export interface CredentialsContext {
  password: PasswordHash | null;
  mustChange: boolean;
  /** Who set the password now in force (`system:demo` for the demo's). */
  setBy: string | null;
  failures: number;
  lastFailureAt: string | null;
  /** Sessions not yet signed out, by id; expired ones are dropped as new ones open. */
  sessions: Readonly<Record<string, OpenSession>>;
}

const ps = credentialEventContracts.PasswordSet.schema.shape;
const session = { sessionId: z.string().min(1), expiresAt: z.string().min(1) };
const commands = {
  'set-password': z.strictObject({ hash: ps.hash, mustChange: z.boolean(), setBy: z.string().min(1) }),
  'record-failure': z.strictObject({}),
  'sign-in': z.strictObject(session),
  'sign-out': z.strictObject({ sessionId: z.string().min(1) }),
  /** The person's own new password, and a new session in place of the one they changed it in. */
  'change-password': z.strictObject({ hash: ps.hash, ...session }),
};
type Commands = typeof commands;
export type CredentialsCommand = { [K in keyof Commands]: { type: K; data: z.output<Commands[K]> } }[keyof Commands];

export const noCredentials: CredentialsContext = { password: null, mustChange: false, setBy: null, failures: 0, lastFailureAt: null, sessions: {} };

const stillOpen = (sessions: CredentialsContext['sessions'], at: string) =>
  Object.fromEntries(Object.entries(sessions).filter(([, s]) => s.expiresAt > at));

/** The whole next context after one event. */
export function evolveCredentials(context: CredentialsContext, event: Stamped<CredentialEvent>): CredentialsContext {
  switch (event.type) {
    case 'PasswordSet':
      // A new password shuts out whoever knew the old one: every session ends, and the count starts again.
      return { password: event.data.hash, mustChange: event.data.mustChange, setBy: event.data.setBy, failures: 0, lastFailureAt: null, sessions: {} };
    case 'SignInFailed':
      return { ...context, failures: context.failures + 1, lastFailureAt: event.data.at };
    case 'SignedIn': {
      const opened = { signedInAt: event.occurredAt, expiresAt: event.data.expiresAt };
      const sessions = { ...stillOpen(context.sessions, event.occurredAt), [event.data.sessionId]: opened };
      return { ...context, failures: 0, lastFailureAt: null, sessions };
    }
    case 'SignedOut': {
      const { [event.data.sessionId]: _ended, ...sessions } = context.sessions;
      return { ...context, sessions };
    }
    default:
      return context;
  }
}

const machine = setup({
  types: { context: {} as CredentialsContext, events: {} as Stamped<CredentialEvent> },
  actions: { evolve: assign(({ context, event }) => evolveCredentials(context, event)) },
}).createMachine({
  id: 'credentials',
  initial: 'unset',
  context: noCredentials,
  states: {
    // Nobody signs in to an account before it has a password.
    unset: { on: { PasswordSet: { target: 'set', actions: 'evolve' } } },
    set: {
      on: {
        PasswordSet: { actions: 'evolve' },
        SignInFailed: { actions: 'evolve' },
        SignedIn: { actions: 'evolve' },
        SignedOut: { actions: 'evolve' },
      },
    },
  },
});

function refuseWhileLocked(context: CredentialsContext, at: string): void {
  const seconds = lockedForSeconds(context, Date.parse(at));
  if (seconds > 0) {
    throw new HuiyinError('AUTH.LOCKED', `too many wrong passwords: try again in ${seconds} s`, { retryAfterSeconds: seconds });
  }
}

function decide(command: CredentialsCommand, context: CredentialsContext, { streamId: account, occurredAt, actor }: DecideContext): CredentialEvent[] {
  switch (command.type) {
    case 'set-password':
      return [{ type: 'PasswordSet', data: { account, ...command.data } }];
    case 'record-failure':
      return [{ type: 'SignInFailed', data: { account, at: occurredAt } }];
    case 'sign-in':
      refuseWhileLocked(context, occurredAt);
      return [{ type: 'SignedIn', data: { account, ...command.data } }];
    case 'sign-out':
      // Signing out of a session that already ended changes nothing.
      return context.sessions[command.data.sessionId] ? [{ type: 'SignedOut', data: { account, ...command.data } }] : [];
    case 'change-password': {
      const { hash, sessionId, expiresAt } = command.data;
      return [
        { type: 'PasswordSet', data: { account, hash, mustChange: false, setBy: actor.id } },
        { type: 'SignedIn', data: { account, sessionId, expiresAt } },
      ];
    }
    default: {
      const unknown: never = command;
      throw new Error(`credentials: no such command ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * An account's password and sessions. Checking a password is the
 * service's (it is slow and needs no history); what follows from the
 * checks — failures, the lock, sessions opened and ended — is here.
 */
export const credentialsWorkflow: WorkflowDefinition<CredentialsContext, CredentialsCommand, CredentialEvent> = {
  name: 'credentials',
  version: 1,
  category: 'credentials',
  machine,
  commands,
  events: credentialEventContracts,
  commandEvents: {
    'set-password': 'PasswordSet',
    'record-failure': 'SignInFailed',
    'sign-in': 'SignedIn',
    'sign-out': 'SignedOut',
    'change-password': 'PasswordSet',
  },
  unlisted: ['record-failure', 'sign-in', 'sign-out', 'change-password'],
  decide: (command, { context }, decideContext) => decide(command, context, decideContext),
  evolve: evolveCredentials,
};
