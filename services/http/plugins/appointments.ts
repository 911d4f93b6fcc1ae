import fp from 'fastify-plugin';

/** Appointments with a deputy: booked online, confirmed, held or not, and the cases a held one raises. */
export const appointmentsPlugin = fp(
  async () => {},
  { name: 'huiyin-appointments', dependencies: ['huiyin-read-models', 'huiyin-directory'] },
);
