import { ref, shallowRef } from 'vue';
import type { CaseAction } from '../../../../../contracts/case/commands';
import type { CaseView } from '../../../../../contracts/case/view';
import type { Deputy, Station } from '../../../../../contracts/directory';
import type { HistoryEvent } from '../../../../../contracts/history';
import { api, ApiProblem, get } from '../../api/client';

/**
 * One case as the page holds it: the view, its history, and the names the
 * directory gives its station and deputies. An action sends the revision
 * last read; its answer is the new view, so the page updates in place.
 */
export function useCase(id: () => string) {
  const view = shallowRef<CaseView>();
  const events = shallowRef<HistoryEvent[]>([]);
  const loading = ref(false);
  const error = shallowRef<unknown>();
  const historyError = shallowRef<unknown>();
  const station = shallowRef<Station>();
  const deputies = shallowRef<Map<string, Deputy>>(new Map());

  async function loadHistory(): Promise<void> {
    historyError.value = undefined;
    try {
      events.value = (await get<{ events: HistoryEvent[] }>(`/api/cases/${encodeURIComponent(id())}/history`)).events;
    } catch (failure) {
      historyError.value = failure;
    }
  }

  /** The directory is public and small: names for every deputy the history may mention. */
  async function loadNames(stationId: string): Promise<void> {
    const [s, d] = await Promise.allSettled([
      get<Station>(`/api/stations/${encodeURIComponent(stationId)}`),
      get<{ items: Deputy[] }>('/api/deputies'),
    ]);
    if (s.status === 'fulfilled') station.value = s.value;
    if (d.status === 'fulfilled') deputies.value = new Map(d.value.items.map((x) => [x.id, x]));
  }

  async function load(): Promise<void> {
    loading.value = true;
    error.value = undefined;
    try {
      const fresh = await get<CaseView>(`/api/cases/${encodeURIComponent(id())}`);
      const stationChanged = fresh.stationId !== view.value?.stationId;
      view.value = fresh;
      await Promise.all([loadHistory(), stationChanged ? loadNames(fresh.stationId) : undefined]);
    } catch (failure) {
      error.value = failure;
    } finally {
      loading.value = false;
    }
  }

  /**
   * Sends an action with the revision last read. A 412 means someone acted
   * first: the page reads the case again and the caller tells the person.
   */
  async function act(action: CaseAction, body: unknown, idempotencyKey: string): Promise<'done' | 'changed'> {
    const current = view.value;
    if (!current) throw new Error('no case loaded');
    try {
      view.value = await api<CaseView>('POST', `/api/cases/${encodeURIComponent(current.id)}/${action}`, {
        body,
        idempotencyKey,
        revision: current.revision,
      });
    } catch (failure) {
      if (failure instanceof ApiProblem && failure.status === 412) {
        await load();
        return 'changed';
      }
      throw failure;
    }
    await loadHistory();
    return 'done';
  }

  const deputyName = (deputyId: string): string => deputies.value.get(deputyId)?.name ?? deputyId;

  return { view, events, loading, error, historyError, station, deputies, deputyName, load, loadHistory, act };
}
export type CaseHandle = ReturnType<typeof useCase>;
