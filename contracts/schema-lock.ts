import { z } from 'zod';
import { appointmentEventContracts } from './appointments.js';
import { activityEventContracts } from './activities.js';
import { caseEventContracts } from './case/events.js';
import { credentialEventContracts } from './credentials.js';
import { directoryEventContracts } from './directory.js';
import { inboxEventContracts } from './notifications.js';
import { rotaEventContracts } from './rota.js';
import { visitEventContracts } from './visits.js';
import type { EventContract } from './event-contract.js';

/**
 * The event-schema lock: the JSON Schema of every stored event type at
 * every version it has had, committed as `event-schemas.lock.json`. Stored
 * events never change, so neither may the shape a version promised; a new
 * shape is a new version with an upcaster from the one before.
 */
export type SchemaLock = Record<string, Record<string, Record<string, unknown>>>;

/** Every stored event type, by the family whose streams hold it. */
export const storedEventContracts: Record<string, Readonly<Record<string, EventContract>>> = {
  appointment: appointmentEventContracts,
  case: caseEventContracts,
  credentials: credentialEventContracts,
  directory: directoryEventContracts,
  inbox: inboxEventContracts,
  visit: visitEventContracts,
  activity: activityEventContracts,
  rota: rotaEventContracts,
};

export const jsonSchemaOf = (contract: EventContract) => z.toJSONSchema(contract.schema) as Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What is wrong between the contracts and the lock, one sentence each;
 * empty when they agree. A changed shape without a new version, a version
 * without an upcaster from the one before, a type or version the lock
 * remembers but the contracts dropped: each is a stored event an auditor
 * could no longer read.
 */
export function schemaLockProblems(families: typeof storedEventContracts, lock: SchemaLock): string[] {
  const problems: string[] = [];
  for (const [family, contracts] of Object.entries(families)) {
    for (const [type, contract] of Object.entries(contracts)) {
      const versions = lock[family]?.[type];
      const locked = versions?.[String(contract.version)];
      if (!locked) problems.push(`${family}/${type}@${contract.version} is not in the lock: run npm run schema:lock`);
      else if (!same(locked, jsonSchemaOf(contract))) {
        problems.push(`${family}/${type}@${contract.version} changed shape: give it version ${contract.version + 1} and an upcaster from ${contract.version}, then run npm run schema:lock`);
      }
      for (let version = 1; version < contract.version; version++) {
        if (!contract.upcasters[version]) problems.push(`${family}/${type} has no upcaster from version ${version}`);
      }
      for (const version of Object.keys(versions ?? {})) {
        if (Number(version) > contract.version) problems.push(`${family}/${type}: the lock has version ${version}, the contract only ${contract.version}`);
      }
    }
    for (const type of Object.keys(lock[family] ?? {})) {
      if (!Object.hasOwn(contracts, type)) problems.push(`${family}/${type} is in the lock but no longer declared: stored events of it exist`);
    }
  }
  return problems;
}

/**
 * The lock with every contract's current version added. A version already
 * locked is never rewritten: changing it is what the check refuses.
 */
export function updatedLock(families: typeof storedEventContracts, lock: SchemaLock): SchemaLock {
  const next: SchemaLock = structuredClone(lock);
  for (const [family, contracts] of Object.entries(families)) {
    for (const [type, contract] of Object.entries(contracts)) {
      const versions = ((next[family] ??= {})[type] ??= {});
      versions[String(contract.version)] ??= jsonSchemaOf(contract);
    }
  }
  return next;
}
