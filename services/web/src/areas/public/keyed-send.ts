import { ref, type Ref } from 'vue';
import { newKey } from '../../api/client';

/**
 * One write from a form: busy while it is on its way, its failure kept for
 * the page, and one Idempotency-Key kept until it succeeds or the form
 * changes (`forget`), so a retry after a dropped line is the same write.
 */
export function useKeyedSend(): {
  busy: Ref<boolean>;
  failure: Ref<unknown>;
  forget: () => void;
  send: <T>(write: (key: string) => Promise<T>, onFailure?: (error: unknown) => void) => Promise<T | undefined>;
} {
  const busy = ref(false);
  const failure = ref<unknown>();
  let key: string | undefined;
  async function send<T>(write: (key: string) => Promise<T>, onFailure?: (error: unknown) => void): Promise<T | undefined> {
    busy.value = true;
    key ??= newKey();
    try {
      return await write(key);
    } catch (error) {
      failure.value = error;
      onFailure?.(error);
      return undefined;
    } finally {
      busy.value = false;
    }
  }
  return { busy, failure, forget: () => (key = undefined), send };
}
