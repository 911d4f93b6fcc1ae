import fp from 'fastify-plugin';
import type { ReceptionCalendar } from '../../../contracts/receptions.js';
import { appointmentsProjection } from '../../../projections/appointments/index.js';
import { AppointmentService } from '../../appointments/appointment-service.js';
import { OnlineBookings } from '../../appointments/online-bookings.js';
import { appointmentRoutes } from '../routes/appointments.js';
import { publicAppointmentRoutes } from '../routes/public-appointments.js';

declare module 'fastify' {
  interface FastifyInstance {
    appointments: AppointmentService;
  }
}

/** Appointments with a deputy: booked online, confirmed, held or not, and the cases a held one raises. */
export const appointmentsPlugin = fp(
  async (app) => {
    app.readModels.start(appointmentsProjection);
    // Slots are cut from the rota's receptions, asked at each lookup.
    const calendar = (): ReceptionCalendar => app.receptions;
    // The case service's store notes each write with the read models: reads here wait for them.
    const appointments = new AppointmentService({ store: app.cases.store, directory: app.directory, readModels: app.readModels, cases: app.cases, calendar });
    app.decorate('appointments', appointments);
    await app.register(appointmentRoutes, { appointments });
    await app.register(publicAppointmentRoutes, { bookings: new OnlineBookings(appointments) });
  },
  { name: 'huiyin-appointments', dependencies: ['huiyin-read-models', 'huiyin-directory', 'huiyin-cases', 'huiyin-receptions'] },
);
