import { parseArgs } from 'node:util';
import { HuiyinError } from '../../contracts/errors.js';
import { openEventStore } from '../event-store/open-store.js';
import { issueToken, type TokenRequest } from './token.js';

/**
 * `npm run cli -- token --sub ID --role ROLE [--name N] [--station S]... [--area A] [--ttl SECONDS] [--client]`
 *
 * Prints a bearer token. The CLI runs with access to the store: a subject
 * the directory does not know is registered as an account with the rights
 * given here (the directory's history says the command line did it); a
 * known subject gets a token only if the directory already gives it every
 * right asked for.
 */
const usage =
  'usage: npm run cli -- token --sub ID --role staff|deputy|supervisor|auditor|admin [--name N] [--station S]... [--area A] [--ttl SECONDS] [--client]';

export async function tokenCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      sub: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      station: { type: 'string', multiple: true },
      area: { type: 'string' },
      ttl: { type: 'string' },
      client: { type: 'boolean' },
    },
  });
  const request: TokenRequest = {
    sub: values.sub,
    role: values.role,
    name: values.name,
    stations: values.station ?? [],
    area: values.area,
    ttlSeconds: values.ttl === undefined ? undefined : Number(values.ttl),
    client: values.client ?? false,
  };
  const dataDir = process.env.DATA_DIR ?? './data';
  const store = await openEventStore({ dataDir });
  try {
    process.stdout.write(`${await issueToken(store, dataDir, request)}\n`);
  } catch (error) {
    if (!(error instanceof HuiyinError)) throw error;
    const fields = (error.details.errors ?? error.details.issues) as Array<{ path: string; message: string }> | undefined;
    for (const field of fields ?? []) process.stderr.write(`${field.path}: ${field.message}\n`);
    process.stderr.write(`${error.message}\n${usage}\n`);
    return 2;
  } finally {
    await store.close();
  }
  return 0;
}
