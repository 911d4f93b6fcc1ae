import type { ZodType } from 'zod';
import { ApiProblem } from '../api/client.js';

/**
 * A form checked with the same zod schema the API checks it with, so a
 * person sees each mistake beside its field before sending, in the words
 * the server would have used. Paths are dotted like the API's (matters.0.category).
 */
export function checkWith<T>(schema: ZodType<T>, value: unknown): { ok: true; data: T } | { ok: false; errors: Record<string, string> } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    errors[path || '(form)'] ??= issue.message;
  }
  return { ok: false, errors };
}

/** The server's own field errors, for the same places in the form. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiProblem ? error.fieldMessages() : {};
}

/** Drops empty strings so optional fields are absent rather than blank. */
export function withoutBlanks<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== '' && v !== undefined && v !== null)) as Partial<T>;
}
