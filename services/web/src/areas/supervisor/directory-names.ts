import { shallowRef } from 'vue';
import type { Area, Category, Deputy, Station } from '../../../../../contracts/directory';
import { get, query } from '../../api/client';
import { session } from '../../api/session';

/**
 * The directory as the supervisor's pages read it: names for the codes a
 * list carries (蟠龙镇, not 520221104), and the choices of the filters.
 * Loaded once per visit, within the signed-in person's area.
 */
export interface DirectoryNames {
  stations: Station[];
  areas: Area[];
  categories: Category[];
  deputies: Deputy[];
}

const loaded = shallowRef<DirectoryNames>();
let loading: Promise<DirectoryNames> | undefined;

export function loadDirectory(): Promise<DirectoryNames> {
  loading ??= (async () => {
    const area = session.me?.area ?? undefined;
    const within = query({ area });
    const [stations, areas, categories, deputies] = await Promise.all([
      get<{ items: Station[] }>(`/api/stations${within}`),
      get<{ items: Area[] }>(`/api/areas${within}`),
      // Categories are asked for an exact area code (the lists that apply there); without one, all of them.
      get<{ items: Category[] }>(`/api/categories${within}`),
      get<{ items: Deputy[] }>(`/api/deputies${within}`),
    ]);
    const names = { stations: stations.items, areas: areas.items, categories: categories.items, deputies: deputies.items };
    loaded.value = names;
    return names;
  })().catch((error: unknown) => {
    loading = undefined; // a later visit tries again
    throw error;
  });
  return loading;
}

/** Name look-ups that fall back to the code until (or unless) the directory knows it. */
export function useNames(locale: () => string) {
  void loadDirectory().catch(() => undefined);
  const station = (id: string) => loaded.value?.stations.find((s) => s.id === id)?.name ?? id;
  const area = (code: string) => loaded.value?.areas.find((a) => a.code === code)?.name ?? code;
  const deputy = (id: string) => loaded.value?.deputies.find((d) => d.id === id)?.name ?? id;
  const category = (code: string) => {
    const found = loaded.value?.categories.find((c) => c.code === code);
    if (!found) return code;
    return locale() === 'en' ? found.nameEn : found.nameZh;
  };
  return { directory: loaded, station, area, deputy, category };
}
