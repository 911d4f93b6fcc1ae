import type { Projection } from '../runner.js';
import { evolveDirectory } from './evolve.js';
import { DIRECTORY_VERSION, directoryDdl } from './schema.js';

/** directory@2: areas, stations, deputies and case categories for the public lists. */
export const directoryProjection: Projection = {
  name: 'directory',
  version: DIRECTORY_VERSION,
  filter: { kind: 'category', categories: ['area', 'station', 'deputy', 'category'] },
  ddl: directoryDdl,
  evolve: evolveDirectory,
};

export { getArea, getDeputy, getStation, listAreas, listCategories, listDeputies, listStations } from './queries.js';
export { tables as directoryTables } from './schema.js';
