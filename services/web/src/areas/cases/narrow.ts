import { onBeforeUnmount, ref, type Ref } from 'vue';

/** True on a phone-width screen, kept up to date as the window turns or resizes. */
export function useNarrow(maxWidth = 640): Ref<boolean> {
  const query = window.matchMedia(`(max-width: ${maxWidth}px)`);
  const narrow = ref(query.matches);
  const update = () => (narrow.value = query.matches);
  query.addEventListener('change', update);
  onBeforeUnmount(() => query.removeEventListener('change', update));
  return narrow;
}
