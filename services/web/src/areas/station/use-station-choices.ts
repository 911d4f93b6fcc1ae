import { shallowRef, watch, type Ref } from 'vue';
import type { Category, Deputy } from '../../../../../contracts/directory';
import { addDays, chinaDate } from '../../lib/time';
import { categoriesFor, deputiesOf, deputyNameMap, receptionsOf } from './data';
import type { Station } from '../../../../../contracts/directory';

/**
 * What the form offers for the chosen station: its categories, its
 * deputies, and those on duty at today's reception (a deputy standing in
 * from another station included), who are ticked to begin with.
 */
export function useStationChoices(station: Ref<Station | undefined>) {
  const categories = shallowRef<Category[]>([]);
  const deputies = shallowRef<Deputy[]>([]);
  const onDutyToday = shallowRef<string[]>([]);
  const error = shallowRef<unknown>();
  const loading = shallowRef(false);

  async function load(s: Station): Promise<void> {
    loading.value = true;
    error.value = undefined;
    try {
      const today = chinaDate();
      const [cats, own, receptions, names] = await Promise.all([
        categoriesFor(s.areaCode),
        deputiesOf(s.id),
        receptionsOf(s.id, today, addDays(today, 1)),
        deputyNameMap(),
      ]);
      if (station.value?.id !== s.id) return; // another station was chosen meanwhile
      const duty = receptions.items.filter((r) => r.date === today && !r.cancelled).flatMap((r) => r.deputyIds);
      const guests = [...new Set(duty)].filter((id) => !own.some((d) => d.id === id));
      categories.value = cats;
      deputies.value = [...own, ...guests.map((id): Deputy => ({ id, name: names.get(id) ?? id, level: 'township', stationIds: [] }))];
      onDutyToday.value = [...new Set(duty)];
    } catch (failure) {
      error.value = failure;
    } finally {
      loading.value = false;
    }
  }

  watch(station, (s) => s && void load(s), { immediate: true });
  return { categories, deputies, onDutyToday, error, loading, reload: () => (station.value ? load(station.value) : Promise.resolve()) };
}
