import { z } from 'zod';
import { roles } from './metadata.js';

/** People sign in; the system role is Huiyin's own, the citizen role the online station's. */
export const userRoles = roles.filter((r) => r !== 'system' && r !== 'citizen') as Exclude<(typeof roles)[number], 'system' | 'citizen'>[];

/**
 * What a bearer token says: who its holder is, and when it was issued and
 * expires — nothing about rights, which come from the directory as of each
 * command. A token without an expiry is refused.
 */
export const tokenClaimsSchema = z.object({
  sub: z.string().min(1).max(128),
  name: z.string().min(1).max(100).optional(),
  iat: z.number().int().positive(),
  exp: z.number().int().positive(),
});
export type TokenClaims = z.infer<typeof tokenClaimsSchema>;

/** A person's rights as the permission matrix reads them (from an account). */
export const claimsSchema = z.object({
  sub: z.string().min(1).max(128),
  name: z.string().min(1).max(100).optional(),
  role: z.enum(userRoles as [string, ...string[]]).transform((r) => r as (typeof userRoles)[number]),
  /** Stations a staff member or deputy works at. */
  stations: z.array(z.string().min(1)).max(200).default([]),
  /** A supervisor's area: an area-code prefix. */
  area: z.string().regex(/^[0-9]{2,12}$/).optional(),
});
export type Claims = z.infer<typeof claimsSchema>;

/**
 * Whoever a command acts for: a signed-in person (their claims), or Huiyin
 * itself — the scheduler to come — as the `system` role, which has rights
 * of its own in the permission matrix and never signs in.
 */
export interface Principal {
  sub: string;
  role: (typeof roles)[number];
  name?: string;
  stations: readonly string[];
  area?: string;
}

/** The system principal for a named part of Huiyin (`system:scheduler`). */
export const systemPrincipal = (part: string): Principal => ({ sub: `system:${part}`, role: 'system', name: part, stations: [] });

/**
 * A citizen writing through the online station: nobody signs in, so every
 * such command records the same actor; what the citizen said of themselves
 * (name, phone) is in the command's data, never in the actor.
 */
export const citizenPrincipal: Principal = { sub: 'online-station', role: 'citizen', name: '网上联络站', stations: [] };
