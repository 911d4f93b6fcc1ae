import type { Account } from '../../contracts/directory.js';
import { HuiyinError } from '../../contracts/errors.js';
import type { Principal, TokenClaims } from '../../contracts/identity.js';
import type { Directory } from '../directory/index.js';

export interface TokenLimits {
  /** The longest a person's token may live (issued to expiry). */
  personSeconds: number;
  /** The longest an API client's token may live. */
  clientSeconds: number;
}

export const defaultTokenLimits: TokenLimits = { personSeconds: 12 * 3600, clientSeconds: 30 * 86_400 };

const refused = (why: string) => new HuiyinError('AUTH.UNAUTHENTICATED', why);

/**
 * Turns who a token says its holder is into what they may do, from the
 * directory as of this request: the account's role, stations and area (a
 * deputy's stations from their deputy entry), and its name. A token of an
 * account that is unknown, switched off, revoked since the token was
 * issued, or that lives longer than the account's kind allows, is refused.
 */
export class Accounts {
  constructor(
    readonly directory: Directory,
    readonly limits: TokenLimits = defaultTokenLimits,
  ) {}

  async principalFor(token: TokenClaims): Promise<Principal> {
    const account = (await this.directory.get('account', token.sub))?.record;
    if (!account) throw refused(`no account ${token.sub} in the directory`);
    if (!account.active) throw refused(`the account ${token.sub} is switched off`);
    if (account.tokensNotBefore !== undefined && token.iat * 1000 < Date.parse(account.tokensNotBefore)) {
      throw refused('this token was revoked: sign in again');
    }
    const limit = account.kind === 'client' ? this.limits.clientSeconds : this.limits.personSeconds;
    if (token.exp - token.iat > limit) throw refused(`tokens for this account may live at most ${limit} s`);
    return this.#principal(account);
  }

  async #principal(account: Account): Promise<Principal> {
    const principal: Principal = { sub: account.id, role: account.role, name: account.name, stations: account.stationIds };
    if (account.area !== undefined) principal.area = account.area;
    if (account.role === 'deputy') {
      const deputy = await this.directory.deputy(account.id);
      if (deputy) Object.assign(principal, { name: deputy.name, stations: deputy.stationIds });
    }
    return principal;
  }
}
