import { parseArgs } from 'node:util';
import { claimsSchema } from '../../contracts/identity.js';
import { loadAuthSecret, tokenService } from '../http/auth/tokens.js';

/** `npm run cli -- token --sub ID --role ROLE [--name N] [--station S]... [--area A] [--ttl SECONDS]` */
const usage = 'usage: npm run cli -- token --sub ID --role staff|deputy|supervisor|auditor|admin [--name N] [--station S]... [--area A] [--ttl SECONDS]';

const [command, ...rest] = process.argv.slice(2);
if (command !== 'token') {
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}
const { values } = parseArgs({
  args: rest,
  options: {
    sub: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    station: { type: 'string', multiple: true },
    area: { type: 'string' },
    ttl: { type: 'string' },
  },
});
const claims = claimsSchema.safeParse({
  sub: values.sub,
  role: values.role,
  name: values.name,
  stations: values.station ?? [],
  area: values.area,
});
if (!claims.success) {
  for (const issue of claims.error.issues) process.stderr.write(`--${issue.path.join('.')}: ${issue.message}\n`);
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}
const secret = await loadAuthSecret(process.env.DATA_DIR ?? './data');
const ttl = values.ttl ? Number(values.ttl) : undefined;
process.stdout.write(`${tokenService(secret).sign(claims.data, ttl)}\n`);
