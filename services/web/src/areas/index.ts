import { auditorArea } from './auditor';
import { casesArea } from './cases';
import { deputyArea } from './deputy';
import { publicArea } from './public';
import { stationArea } from './station';
import { supervisorArea } from './supervisor';
import { accountArea } from './account';
import type { Area } from './types';

/** Every area of the app, in menu order. */
export const areas: Area[] = [publicArea, accountArea, stationArea, deputyArea, supervisorArea, casesArea, auditorArea];
