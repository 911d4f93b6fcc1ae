import { hash } from 'node:crypto';
import { citizenPrincipal } from '../../contracts/identity.js';
import { CommandInvalidError } from '../../contracts/errors.js';
import type { PublicMessageBody } from '../../contracts/online-station.js';
import type { Directory } from '../directory/index.js';
import type { CaseService } from '../cases/case-service.js';
import { newCaseIdFor } from '../commands/command-ids.js';
import { canonicalJson } from '../../workflows/engine/hash-chain.js';

/** The category an online message takes when the citizen names none: the station sorts it. */
export const UNSORTED_CATEGORY = 'other';
const MINUTE_MS = 60_000;

export interface MessageReceipt {
  caseId: string;
  trackingCode: string;
  stationName: string;
  receivedAt: string;
  replyDueBy: string;
  repeated: boolean;
  position: number;
}

/**
 * Messages left at the online station. Each becomes a case with channel
 * `online-message`, opened by the citizen through the online station.
 *
 * The same message from the same client within a minute is one case: the
 * case id is derived from (client, message, minute), and a message whose
 * twin was opened in the minute before — and less than a minute ago —
 * answers with that case. Because the id is derived, this holds across
 * restarts and instances, with no table of recent messages to keep.
 */
export class OnlineMessages {
  constructor(
    private readonly directory: Directory,
    private readonly cases: CaseService,
  ) {}

  async post(body: PublicMessageBody, client: string, now: string): Promise<MessageReceipt> {
    const station = await this.stationFor(body);
    const fingerprint = hash('sha256', canonicalJson({ client, body }), 'hex');
    const minute = Math.floor(Date.parse(now) / MINUTE_MS);
    const earlier = await this.recentTwin(`message:${fingerprint}:${minute - 1}`, now);
    if (earlier) return { ...earlier, stationName: station.name };
    const category = body.category ?? UNSORTED_CATEGORY;
    const form = {
      channel: 'online-message' as const,
      stationId: station.id,
      category,
      summary: body.summary,
      constituent: { name: body.name, phone: body.phone },
      // The deputy the message was left for: it is in their diary, and they see it as theirs.
      ...(body.deputyId === undefined ? {} : { receptionDeputyIds: [body.deputyId] }),
      ...(body.location ? { location: { description: body.location } } : {}),
    };
    const outcome = await this.cases
      .receive(citizenPrincipal, form, { now, idempotencyKey: `message:${fingerprint}:${minute}`, parsed: true })
      .catch((error: unknown) => {
        // The form's field is `category` here too, but the citizen may not have sent one.
        if (error instanceof CommandInvalidError && body.category === undefined) {
          throw new CommandInvalidError('message', [{ path: 'category', message: `choose a category: see GET /api/categories?area=${station.areaCode}` }]);
        }
        throw error;
      });
    const { view } = outcome;
    return {
      caseId: view.id,
      trackingCode: view.trackingCode,
      stationName: station.name,
      receivedAt: view.receivedAt,
      replyDueBy: view.replyDueBy,
      repeated: outcome.replayed,
      position: view.position ?? -1,
    };
  }

  /** The station the message is for: the one named, or the deputy's usual one (their first). */
  private async stationFor(body: PublicMessageBody) {
    if (body.stationId !== undefined) {
      const station = await this.directory.station(body.stationId);
      if (!station) throw new CommandInvalidError('message', [{ path: 'stationId', message: 'no such station' }]);
      return station;
    }
    const deputy = await this.directory.deputy(body.deputyId!);
    const stationId = deputy?.stationIds[0];
    const station = stationId === undefined ? undefined : await this.directory.station(stationId);
    if (!station) throw new CommandInvalidError('message', [{ path: 'deputyId', message: deputy ? 'this deputy serves at no station' : 'no such deputy' }]);
    return station;
  }

  /** The case the same message opened in the minute before, if that was less than a minute ago. */
  private async recentTwin(key: string, now: string): Promise<Omit<MessageReceipt, 'stationName'> | undefined> {
    const caseId = newCaseIdFor(citizenPrincipal.sub, key);
    const state = await this.cases.engine.load(this.cases.engine.streamNameOf(caseId)).catch(() => undefined);
    const received = state?.context.received;
    if (!state || state.revision < 0 || !received) return undefined;
    if (Date.parse(now) - Date.parse(received.at) >= MINUTE_MS) return undefined;
    return {
      caseId,
      trackingCode: state.context.trackingCode,
      receivedAt: received.receivedAt,
      replyDueBy: state.context.replyDueBy ?? received.replyDueBy,
      repeated: true,
      position: -1,
    };
  }
}
