import { z } from 'zod';
import { areaCodeSchema } from './area.js';

/** A stream id: what follows `case-`, `station-`, … in a stream name. */
export const streamIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'letters, digits and _ . : - only, 1–128 characters');

/** A directory entry's id (stations, deputies, categories). */
export const entryId = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'lower-case letters, digits and _ . - only');

export const caseIdParams = z.strictObject({ id: streamIdSchema.describe('a case id') });
export const areaParams = z.strictObject({ code: areaCodeSchema });
export const entryParams = z.strictObject({ id: entryId });
