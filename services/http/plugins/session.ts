import fp from 'fastify-plugin';
import { Credentials } from '../../accounts/credentials.js';
import { registerSessionAuth } from '../auth/plugin.js';
import { accountPasswordRoutes } from '../routes/account-passwords.js';
import { sessionRoutes } from '../routes/session.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Passwords and cookie sessions of person accounts. */
    credentials: Credentials;
  }
}

/** Password sign-in and cookie sessions for the web app's people, beside the bearer tokens API clients send. */
export const sessionPlugin = fp(
  async (app) => {
    app.decorate('credentials', new Credentials(app.readModels.store, app.accounts));
    registerSessionAuth(app, app.credentials);
    await app.register(sessionRoutes, { credentials: app.credentials });
    await app.register(accountPasswordRoutes, { credentials: app.credentials });
  },
  { name: 'huiyin-session', dependencies: ['huiyin-read-models', 'huiyin-directory'] },
);
