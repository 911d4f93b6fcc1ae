import type { z } from 'zod';
import type { demoAccounts } from '../../contracts/credentials.js';
import { systemPrincipal } from '../../contracts/identity.js';
import type { Credentials } from '../accounts/credentials.js';
import { actorOf } from '../commands/envelope.js';
import { demoDeputies, demoPeople } from './directory-data.js';

/** Everyone in the demo signs in with this; it is printed on the demo's sign-in page, so it protects nothing. */
export const DEMO_PASSWORD = 'huiyin-demo-2026';

const demoSetter = actorOf(systemPrincipal('demo'));
const demoAccountIds = [...Object.values(demoPeople).map((p) => p.sub), ...demoDeputies.map((d) => d.id)];

/** Gives every demo person the demo password, to keep (no change asked): the demo is for looking around. */
export async function setDemoPasswords(credentials: Credentials): Promise<number> {
  await Promise.all(demoAccountIds.map((id) => credentials.setPassword(demoSetter, id, DEMO_PASSWORD, false)));
  return demoAccountIds.length;
}

type DemoAccounts = z.infer<typeof demoAccounts>;

/**
 * The demo's people whose password is still the demo's, for the sign-in
 * page, or undefined when there are none: the data directory was never a
 * demo (or every demo password has been changed). Known from the
 * credentials events themselves, so it holds across restarts.
 */
export async function demoSignInList(credentials: Credentials): Promise<DemoAccounts | undefined> {
  const { directory } = credentials.accounts;
  const listed = await Promise.all(
    demoAccountIds.map(async (id): Promise<DemoAccounts['accounts'][number] | undefined> => {
      if ((await credentials.state(id)).setBy !== demoSetter.id) return undefined;
      const account = (await directory.get('account', id))?.record;
      if (!account?.active) return undefined;
      const deputy = account.role === 'deputy' ? await directory.deputy(id) : undefined;
      const stationIds = deputy?.stationIds ?? account.stationIds;
      const stations = await Promise.all(stationIds.map(async (s) => (await directory.station(s))?.name ?? s));
      const area = account.area === undefined ? undefined : ((await directory.area(account.area))?.name ?? account.area);
      const label = stations.length > 0 ? stations.join('、') : (area ?? null);
      return { id, name: deputy?.name ?? account.name, role: account.role, label };
    }),
  );
  const accounts = listed.filter((a) => a !== undefined);
  return accounts.length > 0 ? { password: DEMO_PASSWORD, accounts } : undefined;
}
