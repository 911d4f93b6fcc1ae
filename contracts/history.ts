import { z } from 'zod';

/**
 * One event of a case's or a directory entry's history, as an auditor reads
 * it: the data and metadata exactly as stored (`metadata.schemaVersion` says
 * which shape the data has), and where and when the log took it.
 */
export const historyEventSchema = z.object({
  revision: z.number().int(),
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
  metadata: z.record(z.string(), z.unknown()),
  position: z.number().int(),
  recordedAt: z.string(),
});
export type HistoryEvent = z.infer<typeof historyEventSchema>;

export const historySchema = z.object({
  /** The stream the events are in: each event's hash covers its name, so an auditor recomputing them needs it. */
  streamName: z.string().optional(),
  events: z.array(historyEventSchema),
});
