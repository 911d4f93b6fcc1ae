import { claimsSchema } from '../../contracts/identity.js';
import type { EventStore } from '../../contracts/event-store.js';
import type { AppointmentService } from '../appointments/appointment-service.js';
import type { RotaService } from '../rota/index.js';
import type { VisitService } from '../visits/visit-service.js';
import { seedDemoActivities } from './activity-data.js';
import { seedDemoAppointments } from './appointment-data.js';
import { demoPeople } from './directory-data.js';
import { seedRota } from './rota-data.js';
import { seedDemoVisits } from './visit-data.js';

const DAY_MS = 86_400_000;

export interface StationWork {
  store: EventStore;
  receptions: RotaService;
  visits: VisitService;
  appointments: AppointmentService;
}

/**
 * The stations' own records around today, after the directory and the
 * year's cases: the rotas (in force from five weeks back, so past Mondays
 * had receptions), the last Mondays' registration forms, activities past
 * and upcoming (one deputy falls behind on 三个一), and an appointment in
 * every state.
 */
export async function seedStationWork(work: StationWork, now: string) {
  const rota = await seedRota(work.receptions, now, new Date(Date.parse(now) - 35 * DAY_MS).toISOString());
  const visits = await seedDemoVisits(work.visits, now);
  const activities = await seedDemoActivities(work.store, now);
  const appointments = await seedDemoAppointments(work.appointments, {
    deputyId: 'dep-zhou-lan',
    staff: claimsSchema.parse(demoPeople.staffBaichehe),
    matterCategory: 'roads',
    now,
  });
  return { ...rota, ...visits, activities, ...appointments };
}
