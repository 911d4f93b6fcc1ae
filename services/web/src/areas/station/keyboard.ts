/**
 * Keys for filling the registration form quickly with a queue waiting:
 * Enter goes to the next field (as on a paper form, line by line),
 * Shift+Enter is a new line in a long text, Alt+N adds a matter and
 * Ctrl+Enter registers. Enter that finishes a Chinese input method's
 * composition is left to the input method.
 */
export type FormKey = 'next' | 'add-matter' | 'submit' | undefined;

export function formKeyOf(event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'isComposing' | 'keyCode'>, target: { tagName: string; type?: string }): FormKey {
  if (event.isComposing || event.keyCode === 229) return undefined;
  if (event.altKey && !event.ctrlKey && event.code === 'KeyN') return 'add-matter';
  if (event.key !== 'Enter') return undefined;
  if (event.ctrlKey || event.metaKey) return 'submit';
  if (event.shiftKey || event.altKey) return undefined;
  const tag = target.tagName.toLowerCase();
  // A button keeps its own Enter: remove a matter, add one, register.
  if (tag === 'button' || tag === 'a') return undefined;
  return tag === 'input' || tag === 'select' || tag === 'textarea' ? 'next' : undefined;
}

const FIELDS = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button[type=submit]';

/** Focuses the field after `from` in the form's reading order; false when there is none. */
export function focusNextField(form: HTMLElement, from: Element): boolean {
  const fields = [...form.querySelectorAll<HTMLElement>(FIELDS)].filter((el) => el.getClientRects().length > 0);
  const at = fields.indexOf(from as HTMLElement);
  const next = at >= 0 ? fields[at + 1] : undefined;
  if (!next) return false;
  next.focus();
  return true;
}
