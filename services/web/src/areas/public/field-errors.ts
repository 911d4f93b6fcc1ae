import { computed, ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { checkWith, serverFieldErrors } from '../../lib/forms';
import type { ZodType } from 'zod';

/** Which of our kind sentences stands for a field the schema named (the recipient's two ids share one). */
const FIELD_WORDS: Record<string, string> = { stationId: 'recipient', deputyId: 'recipient' };

/**
 * A form's mistakes beside its fields: found by the API's own schema before
 * sending (or named by the server after), shown in plain words for each field.
 */
export function useFieldErrors(): {
  errors: Ref<Record<string, string>>;
  messageOf: (field: string) => string;
  check: <T>(schema: ZodType<T>, value: unknown) => T | undefined;
  fromServer: (error: unknown) => void;
  hasErrors: Ref<boolean>;
} {
  const { t } = useI18n();
  const errors = ref<Record<string, string>>({});
  const keyOf = (path: string) => FIELD_WORDS[path] ?? path.split('.')[0] ?? path;
  const collect = (found: Record<string, string>) =>
    Object.fromEntries(Object.keys(found).map((path) => [keyOf(path), t(`public.fieldError.${keyOf(path)}`, found[path] ?? '')]));
  function check<T>(schema: ZodType<T>, value: unknown): T | undefined {
    const result = checkWith(schema, value);
    errors.value = result.ok ? {} : collect(result.errors);
    return result.ok ? result.data : undefined;
  }
  return {
    errors,
    messageOf: (field) => errors.value[field] ?? '',
    check,
    fromServer: (error) => (errors.value = collect(serverFieldErrors(error))),
    hasErrors: computed(() => Object.keys(errors.value).length > 0),
  };
}
