import { onBeforeUnmount, ref, shallowRef, type Ref, type ShallowRef } from 'vue';

export interface Loaded<T> {
  data: ShallowRef<T | undefined>;
  loading: Ref<boolean>;
  error: ShallowRef<unknown>;
  /** Loads again (a filter changed, or the person asked); an older load still running is abandoned. */
  reload: () => Promise<void>;
}

/**
 * One async read with the states a person must see: loading, failed (with
 * the server's words), and loaded. A newer reload wins over a slower older one.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, options: { immediate?: boolean } = {}): Loaded<T> {
  const data = shallowRef<T>();
  const loading = ref(false);
  const error = shallowRef<unknown>();
  let current: AbortController | undefined;
  async function reload(): Promise<void> {
    current?.abort();
    const mine = (current = new AbortController());
    loading.value = true;
    error.value = undefined;
    try {
      const value = await load(mine.signal);
      if (current === mine) data.value = value;
    } catch (failure) {
      if (current === mine && (failure as Error).name !== 'AbortError') error.value = failure;
    } finally {
      if (current === mine) loading.value = false;
    }
  }
  onBeforeUnmount(() => current?.abort());
  if (options.immediate !== false) void reload();
  return { data, loading, error, reload };
}
