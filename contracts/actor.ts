import { z } from 'zod';

/**
 * `system` is Huiyin itself (the scheduler, the demo); `citizen` is whoever
 * writes through the online station without signing in. Neither signs in.
 */
export const roles = ['staff', 'deputy', 'supervisor', 'auditor', 'admin', 'system', 'citizen'] as const;
export type Role = (typeof roles)[number];

/**
 * Who did something. `name` is the display name the directory (or, for
 * people it does not list yet, their sign-in) had for them at that moment,
 * kept so a history reads as it happened even after a rename.
 */
export const actorSchema = z.strictObject({
  id: z.string().min(1).max(128),
  role: z.enum(roles),
  name: z.string().min(1).max(100).optional(),
  /** The rights the command was allowed under, as the directory gave them then. */
  stations: z.array(z.string()).max(200).optional(),
  area: z.string().optional(),
});
export type Actor = z.infer<typeof actorSchema>;
