import { ref, shallowRef, watch, type Ref } from 'vue';
import type { CaseView } from '../../../../../contracts/case/view';
import { get, newKey, post } from '../../api/client';
import { useLoad } from '../../lib/use-load';
import type { CaseListItem } from '../../../../../contracts/case/list';

/**
 * What both list actions (交办, 督办) share: the case read afresh when the
 * form opens (its allowed actions and revision), one Idempotency-Key per
 * attempt — kept when the same form is sent again after a failure, new
 * once anything in it changes — and the answer handed back for the row.
 */
export function useCaseAction(item: Ref<CaseListItem | null>, form: Ref<unknown>) {
  const { data: view, loading, error: loadError, reload } = useLoad(
    (signal) => (item.value ? get<CaseView>(`/api/cases/${encodeURIComponent(item.value.id)}`, signal) : Promise.resolve(undefined)),
    { immediate: false },
  );
  const sending = ref(false);
  const sendError = shallowRef<unknown>();
  let key = newKey();

  watch(item, () => {
    view.value = undefined;
    sendError.value = undefined;
    key = newKey();
    void reload();
  }, { immediate: true });

  watch(form, () => (key = newKey()), { deep: true });

  async function send(action: string, body: unknown): Promise<CaseView | undefined> {
    const current = view.value;
    if (!current) return undefined;
    sending.value = true;
    sendError.value = undefined;
    try {
      const answer = await post<CaseView>(`/api/cases/${encodeURIComponent(current.id)}/${action}`, body, { idempotencyKey: key, revision: current.revision });
      key = newKey();
      return answer;
    } catch (error) {
      sendError.value = error;
      return undefined;
    } finally {
      sending.value = false;
    }
  }

  return { view, loading, loadError, sending, sendError, send };
}
