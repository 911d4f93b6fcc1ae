import { z } from 'zod';
import { areaPrefix } from './area.js';
import { accountSchema, areaSchema, categorySchema, deputySchema, entryId, stationSchema } from './directory.js';

export { historySchema as entryHistory } from './history.js';
export { areaParams, entryParams } from './ids.js';
export { areaPrefix } from './area.js';

/** HTTP shapes of the directory API (`/api/areas`, `/api/stations`, `/api/deputies`, `/api/categories`). */
export const areaListQuery = z.strictObject({ area: areaPrefix.optional() });
export const stationListQuery = z.strictObject({ area: areaPrefix.optional() });
export const deputyListQuery = z.strictObject({ station: entryId.optional(), area: areaPrefix.optional() });
/** `area`: the categories that apply there — its own list and those of the areas above it. */
export const categoryListQuery = z.strictObject({ area: z.string().regex(/^[0-9]{6}(?:[0-9]{3}){0,2}$/, 'an area code').optional() });

const written = { revision: z.number().int().min(0), position: z.number().int().min(0) };
export const areaWritten = areaSchema.extend(written);
export const stationWritten = stationSchema.extend(written);
export const deputyWritten = deputySchema.extend(written);
export const categoryWritten = categorySchema.extend(written);
export const accountWritten = accountSchema.extend(written);

export const areaList = z.object({ items: z.array(areaSchema) });
export const stationList = z.object({ items: z.array(stationSchema) });
export const deputyList = z.object({ items: z.array(deputySchema) });
export const categoryList = z.object({ items: z.array(categorySchema) });
