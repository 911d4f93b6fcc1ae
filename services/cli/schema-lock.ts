import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { schemaLockProblems, storedEventContracts, updatedLock, type SchemaLock } from '../../contracts/schema-lock.js';

/**
 * `npm run schema:lock`: adds the current version of every stored event
 * type to contracts/event-schemas.lock.json. It never rewrites a version
 * already locked; if a shape changed without a new version it says so and
 * exits 1, as the schema-lock test would.
 */
const path = fileURLToPath(new URL('../../contracts/event-schemas.lock.json', import.meta.url));
const lock = JSON.parse(await readFile(path, 'utf8').catch(() => '{}')) as SchemaLock;
const next = updatedLock(storedEventContracts, lock);
await writeFile(path, `${JSON.stringify(next, null, 2)}\n`);
const problems = schemaLockProblems(storedEventContracts, next);
for (const problem of problems) process.stderr.write(`${problem}\n`);
process.exit(problems.length === 0 ? 0 : 1);
