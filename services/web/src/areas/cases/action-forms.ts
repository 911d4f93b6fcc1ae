import { caseActionBodies, type CaseAction } from '../../../../../contracts/case/commands.js';
import { feedbackMethods, outcomes, satisfactions } from '../../../../../contracts/case/vocabulary.js';
import type { ZodType } from 'zod';
import { checkWith } from '../../lib/forms.js';
import { fromBeijing } from '../../lib/time.js';

/**
 * What each case action asks for, as fields a form draws. The body sent is
 * built from them and checked with the action's own zod schema, the one
 * the API checks it with; field names are the body's dotted paths, so an
 * error (ours or the server's) lands beside its field.
 */
export type FieldKind = 'textarea' | 'line' | 'choice' | 'deputies' | 'datetime' | 'names';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** For a choice: the values, each with words under cases.word.<group>. */
  options?: readonly string[];
  group?: string;
  optional?: boolean;
}

const note = (name: string, optional = false): FieldSpec => ({ name, kind: 'textarea', optional });
const choice = (name: string, group: string, options: readonly string[]): FieldSpec => ({ name, kind: 'choice', group, options });

export const actionFields: Record<CaseAction, FieldSpec[]> = {
  accept: [note('note', true)],
  assign: [{ name: 'deputyIds', kind: 'deputies' }],
  reassign: [{ name: 'deputyIds', kind: 'deputies' }, note('reason', true)],
  acknowledge: [],
  'schedule-site-check': [{ name: 'at', kind: 'datetime' }],
  'complete-site-check': [
    note('findings'),
    { name: 'participants.deputyIds', kind: 'deputies', optional: true },
    { name: 'participants.staff', kind: 'names', optional: true },
  ],
  refer: [{ name: 'agency', kind: 'line' }, note('note', true)],
  'record-agency-reply': [{ name: 'agency', kind: 'line' }, note('reply')],
  'note-progress': [note('text')],
  resolve: [choice('outcome', 'outcome', outcomes), note('summary')],
  decline: [note('reason'), { name: 'redirectTo', kind: 'line', optional: true }],
  'give-feedback': [choice('method', 'method', feedbackMethods), note('summary')],
  'record-follow-up': [choice('resolved', 'resolved', ['true', 'false']), choice('satisfaction', 'satisfaction', satisfactions), note('comment', true)],
  close: [note('summary', true), note('reason', true)],
  reopen: [note('reason')],
  withdraw: [note('reason', true)],
  merge: [{ name: 'intoCaseId', kind: 'line' }],
  'add-note': [note('text')],
  escalate: [{ name: 'to', kind: 'line' }, note('reason'), { name: 'dueBy', kind: 'datetime' }],
};

export type FormValue = string | string[];
export type FormValues = Record<string, FormValue>;

/** Empty values for an action's form, with the defaults a person would pick. */
export function emptyValues(action: CaseAction, me?: { sub: string; role: string }): FormValues {
  const values: FormValues = {};
  for (const field of actionFields[action]) values[field.name] = field.kind === 'deputies' || field.kind === 'names' ? [] : '';
  // A deputy doing the site check went on it: ticked already, untick if not.
  if (action === 'complete-site-check' && me?.role === 'deputy') values['participants.deputyIds'] = [me.sub];
  return values;
}

/** "王芳、李娜, 张伟" → ['王芳', '李娜', '张伟']. */
export const splitNames = (text: string): string[] => text.split(/[,，、;；\n]+/).map((s) => s.trim()).filter(Boolean);

function put(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = target;
  for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
  at[parts.at(-1)!] = value;
}

/** The request body from a form's values: blanks left out, Beijing times as instants, yes/no as booleans. */
export function bodyOf(action: CaseAction, values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of actionFields[action]) {
    const raw = values[field.name];
    if (field.kind === 'deputies' || field.kind === 'names') {
      const list = Array.isArray(raw) ? raw : splitNames(raw ?? '');
      if (list.length > 0 || !field.optional) put(body, field.name, list);
      continue;
    }
    const text = typeof raw === 'string' ? raw : '';
    if (text === '' && field.optional) continue;
    if (field.kind === 'datetime') put(body, field.name, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text) ? fromBeijing(text.slice(0, 10), text.slice(11, 16)) : text);
    else if (field.group === 'resolved') put(body, field.name, text === '' ? undefined : text === 'true');
    else put(body, field.name, text);
  }
  if (action === 'complete-site-check') body.participants ??= { deputyIds: [], staff: [] };
  return body;
}

/** The body checked as the API will check it; errors keyed by field name. */
export function checkAction(action: CaseAction, values: FormValues): { ok: true; body: unknown } | { ok: false; errors: Record<string, string> } {
  const body = bodyOf(action, values);
  const checked = checkWith(caseActionBodies[action] as ZodType<unknown>, body);
  const errors = checked.ok ? {} : { ...checked.errors };
  if (action === 'complete-site-check') {
    const p = body.participants as { deputyIds?: string[]; staff?: string[] };
    // The workflow asks for at least one person who went; the schema alone cannot say it.
    if ((p.deputyIds?.length ?? 0) + (p.staff?.length ?? 0) === 0) errors['participants.deputyIds'] = 'pick at least one participant';
  }
  // An error on a part of a field (deputyIds.0) belongs to the field.
  const byField: Record<string, string> = {};
  const names = actionFields[action].map((f) => f.name);
  for (const [path, message] of Object.entries(errors)) {
    const field = names.find((n) => path === n || path.startsWith(`${n}.`)) ?? path;
    byField[field] ??= message;
  }
  return Object.keys(byField).length === 0 && checked.ok ? { ok: true, body: checked.data } : { ok: false, errors: byField };
}
