import { z } from 'zod';
import { areaCodeSchema } from './case/commands.js';
import { areaSchema, deputySchema, entryId, stationSchema } from './directory.js';

/** HTTP shapes of the directory API (`/api/areas`, `/api/stations`, `/api/deputies`). */

/** The leading digits of area codes: `5202` is every area within 5202… */
export const areaPrefix = z.string().regex(/^[0-9]{2,12}$/, '2 to 12 digits: the start of an area code');

export const areaListQuery = z.strictObject({ area: areaPrefix.optional() });
export const stationListQuery = z.strictObject({ area: areaPrefix.optional() });
export const deputyListQuery = z.strictObject({ station: entryId.optional(), area: areaPrefix.optional() });

export const areaParams = z.strictObject({ code: areaCodeSchema });
export const entryParams = z.strictObject({ id: entryId });

const written = { revision: z.number().int().min(0), position: z.number().int().min(0) };
export const areaWritten = areaSchema.extend(written);
export const stationWritten = stationSchema.extend(written);
export const deputyWritten = deputySchema.extend(written);

export const areaList = z.object({ items: z.array(areaSchema) });
export const stationList = z.object({ items: z.array(stationSchema) });
export const deputyList = z.object({ items: z.array(deputySchema) });

export const entryHistory = z.object({
  events: z.array(
    z.object({
      revision: z.number().int(),
      type: z.string(),
      data: z.record(z.string(), z.unknown()),
      metadata: z.record(z.string(), z.unknown()),
      position: z.number().int(),
      recordedAt: z.string(),
    }),
  ),
});
