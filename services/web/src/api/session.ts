import { reactive } from 'vue';
import { api, ApiProblem, get } from './client';

export type Role = 'staff' | 'deputy' | 'supervisor' | 'auditor' | 'admin';

export interface Me {
  sub: string;
  name?: string;
  role: Role;
  stations: string[];
  area?: string;
  mustChangePassword: boolean;
}

/** Who is signed in in this tab: read once at start, then kept by sign-in and sign-out. */
export const session = reactive<{ me: Me | null; checked: boolean }>({ me: null, checked: false });

export async function loadSession(): Promise<Me | null> {
  try {
    session.me = await get<Me>('/api/session');
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.status !== 401) throw error;
    session.me = null;
  }
  session.checked = true;
  return session.me;
}

export async function signIn(account: string, password: string): Promise<Me> {
  await api('POST', '/api/session', { body: { account, password } });
  const me = await loadSession();
  if (!me) throw new ApiProblem(401, 'AUTH.UNAUTHENTICATED', '', '');
  return me;
}

export async function signOut(): Promise<void> {
  await api('DELETE', '/api/session').catch(() => undefined);
  session.me = null;
}

/** Where each role starts its day. */
export function homeOf(role: Role): string {
  switch (role) {
    case 'staff':
      return '/station';
    case 'deputy':
      return '/me';
    case 'supervisor':
      return '/dashboard';
    case 'auditor':
      return '/audit';
    case 'admin':
      return '/cases';
  }
}
