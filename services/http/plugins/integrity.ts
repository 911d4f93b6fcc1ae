import fp from 'fastify-plugin';
import type { EventStore } from '../../../contracts/event-store.js';
import { verifyIntervalMs } from '../../verifier/config.js';
import { IntegrityMonitor } from '../../verifier/integrity-monitor.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The background hash-chain check of the whole log, reported on /readyz. */
    integrity: IntegrityMonitor;
  }
}

export interface IntegrityOptions {
  store: EventStore;
  /** Between walks of the log; default VERIFY_INTERVAL_SECONDS (ten minutes), 0 turns it off. */
  intervalMs?: number;
}

/** Starts the background check once the service is ready, and stops it first thing on close. */
export const integrityPlugin = fp<IntegrityOptions>(
  async (app, { store, intervalMs }) => {
    const monitor = new IntegrityMonitor(store, intervalMs ?? verifyIntervalMs(), app.log);
    app.decorate('integrity', monitor);
    app.addHook('onReady', async () => monitor.start());
    // app.close() waits for a walk under way to end (before its next stream),
    // so the caller can close the store after it.
    app.addHook('onClose', async () => monitor.stop());
  },
  { name: 'huiyin-integrity' },
);
