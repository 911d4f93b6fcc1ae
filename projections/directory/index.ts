import type { Projection } from '../runner.js';
import { evolveDirectory } from './evolve.js';
import { DIRECTORY_VERSION, directoryDdl } from './schema.js';

/** directory@1: areas, stations and deputies for the public lists. */
export const directoryProjection: Projection = {
  name: 'directory',
  version: DIRECTORY_VERSION,
  filter: { kind: 'category', categories: ['area', 'station', 'deputy'] },
  ddl: directoryDdl,
  evolve: evolveDirectory,
};

export { getArea, getDeputy, getStation, listAreas, listDeputies, listStations } from './queries.js';
export { tables as directoryTables } from './schema.js';
