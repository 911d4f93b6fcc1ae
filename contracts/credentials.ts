import { z } from 'zod';
import { accountRoles, entryId } from './directory.js';
import { eventContract } from './event-contract.js';

/**
 * How people sign in to the web app: a password per person account, kept
 * as events in a stream of its own (`credentials-<account id>`). API
 * clients never have one; they send bearer tokens.
 */

/** A password as stored: scrypt's output with its salt and cost, never the password. */
const passwordHash = z.strictObject({
  algorithm: z.literal('scrypt'),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.string(),
  key: z.string(),
});
export type PasswordHash = z.infer<typeof passwordHash>;

const str = z.string();
export const credentialEventContracts = {
  /** A first password from an administrator (mustChange), a person's own, or the demo's. Every session ends. */
  PasswordSet: eventContract(z.strictObject({ account: str, hash: passwordHash, mustChange: z.boolean(), setBy: str })),
  /** A wrong password: consecutive ones lock the account for a while (workflows/credentials/lockout.ts). */
  SignInFailed: eventContract(z.strictObject({ account: str, at: str })),
  /** `sessionId` is a digest of the cookie's secret, so the log cannot be used to take a session over. */
  SignedIn: eventContract(z.strictObject({ account: str, sessionId: str, expiresAt: str })),
  SignedOut: eventContract(z.strictObject({ account: str, sessionId: str })),
} as const;
export type CredentialEventType = keyof typeof credentialEventContracts;
export type CredentialEvent = {
  [K in CredentialEventType]: { type: K; data: z.output<(typeof credentialEventContracts)[K]['schema']> };
}[CredentialEventType];

/** What a new password must be; that it differs from the account id is checked where the id is known. */
export const newPassword = z
  .string()
  .min(10, 'at least 10 characters')
  .max(128, 'at most 128 characters')
  .refine((password) => !/^\d+$/.test(password), 'must not be digits only');

/** What someone types to sign in: an account id in any case, and a password checked as it is. */
const accountTyped = z.string().trim().toLowerCase().pipe(entryId);
const passwordTyped = z.string().min(1).max(128);

export const signInBody = z.strictObject({ account: accountTyped, password: passwordTyped });
export const setPasswordBody = z.strictObject({ password: newPassword });
export const changePasswordBody = z.strictObject({ current: passwordTyped, next: newPassword });

/** Who signed in, as the sign-in and the password change answer. */
export const signedIn = z.object({
  account: str,
  name: str,
  role: str,
  mustChangePassword: z.boolean(),
});

/** Who I am: the rights the directory gives me now. */
export const sessionView = z.object({
  sub: str,
  name: str,
  role: str,
  stations: z.array(str),
  area: str.nullable(),
  mustChangePassword: z.boolean(),
});

export const passwordSetView = z.object({ account: str, mustChangePassword: z.boolean() });
export const signedOut = z.object({ signedOut: z.boolean() });

/** The demo's people, listed on the sign-in page of a demo (never of a real deployment). */
export const demoAccounts = z.object({
  password: str,
  accounts: z.array(
    z.object({
      id: str,
      name: str,
      role: z.enum(accountRoles),
      /** Where they work: their stations, or their area, in words. */
      label: str.nullable(),
    }),
  ),
});
