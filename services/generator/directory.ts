import type { Category, Deputy, DirectoryLookup, EntryKind, Station } from '../../contracts/directory.js';
import { categoryIdOf } from '../../contracts/directory.js';
import { areaAndAbove } from '../../contracts/area.js';
import type { EventStore } from '../../contracts/event-store.js';
import { systemPrincipal, type Principal } from '../../contracts/identity.js';
import { actorOf } from '../commands/envelope.js';
import { EntryBook } from '../directory/entries.js';
import { demoCategoryList } from '../demo/directory-data.js';
import { generatedCategoryList, givenNames, surnames, villageNames } from './words.js';

/**
 * The made-up city the generated histories happen in: four districts of
 * Liupanshui, five townships each with a station and two village rooms,
 * six deputies and one member of staff per township, a supervisor per
 * district. It is the same for every seed, so histories of several seeds
 * can share one log. Every name here is invented.
 */
const districts = [
  { code: '520201', name: '钟山区', towns: ['大河镇', '汪家寨镇', '月照街道', '德坞街道', '大湾镇'] },
  { code: '520203', name: '六枝特区', towns: ['岩脚镇', '落别乡', '新场乡', '郎岱镇', '牂牁镇'] },
  { code: '520221', name: '水城区', towns: ['发耳镇', '米箩镇', '玉舍镇', '勺米镇', '鸡场镇'] },
  { code: '520281', name: '盘州市', towns: ['红果街道', '两河街道', '柏果镇', '石桥镇', '保基乡'] },
];

export interface GeneratedTown {
  station: Station;
  rooms: Station[];
  deputies: Deputy[];
  staff: Principal;
  supervisor: Principal;
}

export interface GeneratedDirectory {
  towns: GeneratedTown[];
  /** Every entry in the order it is registered (areas before the stations in them, …). */
  entries: Array<[EntryKind, Record<string, unknown>]>;
  lookup: DirectoryLookup;
  deputyPrincipal(id: string): Principal;
}

const nameOf = (i: number) => `${surnames[(i * 7) % surnames.length]}${givenNames[(i * 11 + 3) % givenNames.length]}`;

export function generatedDirectory(): GeneratedDirectory {
  const entries: GeneratedDirectory['entries'] = [];
  const towns: GeneratedTown[] = [];
  const categories = [...demoCategoryList, ...generatedCategoryList];
  let person = 0;
  districts.forEach((district, d) => {
    entries.push(['area', { code: district.code, name: district.name }]);
    const supervisor: Principal = { sub: `gsup-${district.code}`, role: 'supervisor', name: nameOf(person++), stations: [], area: district.code };
    entries.push(['account', { id: supervisor.sub, name: supervisor.name, role: 'supervisor', area: district.code }]);
    for (const category of categories) entries.push(['category', { areaCode: district.code, ...category }]);
    district.towns.forEach((town, t) => {
      const code = `${district.code}${201 + t}`;
      entries.push(['area', { code, name: town }]);
      const station: Station = {
        id: `gst-${code}`, name: `${town}人大代表联络站`, kind: 'station', areaCode: code, address: `${town}人民政府一楼`,
        receptionSchedule: '每周一 9:00–12:00 代表接待选民；网上联络站全天留言',
      };
      const rooms = [0, 1].map((r): Station => {
        const village = villageNames[(d * 10 + t * 2 + r) % villageNames.length]!;
        const roomCode = `${code}${201 + r}`;
        entries.push(['area', { code: roomCode, name: village }]);
        return { id: `gst-${roomCode}`, name: `${village}人大代表联络室`, kind: 'room', areaCode: roomCode, address: `${village}村委会`, receptionSchedule: '每周一有代表值班' };
      });
      for (const s of [station, ...rooms]) entries.push(['station', { ...s }]);
      const deputies = [0, 1, 2, 3, 4, 5].map((n): Deputy => ({
        id: `gdep-${code}-${n + 1}`,
        name: nameOf(person++),
        level: n === 0 ? 'county' : 'township',
        // Four serve a village room as well as the town's station.
        stationIds: n < 4 ? [station.id, rooms[n % 2]!.id] : [station.id],
      }));
      for (const deputy of deputies) {
        entries.push(['deputy', { ...deputy }]);
        entries.push(['account', { id: deputy.id, name: deputy.name, role: 'deputy' }]);
      }
      const staff: Principal = { sub: `gstaff-${code}`, role: 'staff', name: nameOf(person++), stations: [station.id, ...rooms.map((r) => r.id)] };
      entries.push(['account', { id: staff.sub, name: staff.name, role: 'staff', stationIds: [...staff.stations] }]);
      towns.push({ station, rooms, deputies, staff, supervisor });
    });
  });
  entries.push(['account', { id: 'gaud-1', name: nameOf(person++), role: 'auditor' }]);

  const stations = new Map(towns.flatMap((t) => [t.station, ...t.rooms]).map((s) => [s.id, s]));
  const deputies = new Map(towns.flatMap((t) => t.deputies).map((d) => [d.id, d]));
  const categoryById = new Map(
    districts.flatMap((d) => categories.map((c): Category => ({ id: categoryIdOf(d.code, c.code), areaCode: d.code, ...c }))).map((c) => [c.id, c]),
  );
  const lookup: DirectoryLookup = {
    station: async (id) => stations.get(id),
    deputy: async (id) => deputies.get(id),
    async categoryFor(areaCode, code) {
      for (const area of areaAndAbove(areaCode)) {
        const found = categoryById.get(categoryIdOf(area, code));
        if (found) return found;
      }
      return undefined;
    },
  };
  const deputyPrincipal = (id: string): Principal => {
    const deputy = deputies.get(id)!;
    return { sub: deputy.id, role: 'deputy', name: deputy.name, stations: deputy.stationIds };
  };
  return { towns, entries, lookup, deputyPrincipal };
}

const keyOf = (kind: EntryKind, record: Record<string, unknown>) =>
  String(kind === 'area' ? record.code : kind === 'category' ? categoryIdOf(String(record.areaCode), String(record.code)) : record.id);

/**
 * Writes the directory into the log through its own workflows, skipping
 * entries already there (a second run, or the demo's districts), so the
 * cases that follow name people the directory knows. Returns how many
 * entries were written.
 */
export async function registerDirectory(store: EventStore, directory: GeneratedDirectory, at: string): Promise<number> {
  const book = new EntryBook(store);
  const actor = actorOf(systemPrincipal('generator'));
  let written = 0;
  // Each entry is a stream of its own: many at a time, so a log on disk is not one fsync per entry.
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < directory.entries.length; i = next++) {
      const [kind, record] = directory.entries[i]!;
      const id = keyOf(kind, record);
      if (await book.get(kind, id)) continue;
      const withId = kind === 'category' ? { id, ...record } : record;
      await book.register(kind, book.parse(kind, 'register', withId), actor, { now: at, idempotencyKey: `generate:${kind}:${id}` });
      written++;
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return written;
}
