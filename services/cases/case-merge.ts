import type { CaseCommand } from '../../contracts/case/commands.js';
import type { CaseEvent } from '../../contracts/case/events.js';
import { CommandInvalidError, HuiyinError, IllegalTransitionError, WrongExpectedRevisionError } from '../../contracts/errors.js';
import type { Principal } from '../../contracts/identity.js';
import type { CommandEnvelope } from '../../contracts/metadata.js';
import type { CaseContext } from '../../workflows/case/context.js';
import { caseRights, type CaseRights } from '../../workflows/case/permissions.js';
import { decideAndCheck } from '../../workflows/engine/decide.js';
import type { CommandResult, ExecuteHints, WorkflowEngine } from '../../workflows/engine/engine.js';
import type { FoldedStream } from '../../workflows/engine/fold.js';
import { scopeOf } from './case-view.js';

type Engine = WorkflowEngine<CaseContext, CaseCommand, CaseEvent>;
type Hints = ExecuteHints<CaseContext, CaseCommand, CaseEvent, CaseRights>;
type Result = CommandResult<CaseContext, CaseCommand, CaseEvent, CaseRights>;

const noOpenTarget = () => new CommandInvalidError('merge', [{ path: 'data.intoCaseId', message: 'no open case with that id' }]);

/**
 * Merging (并单) writes two cases, never reads one and writes the other:
 * the target first records the attachment under its own expected revision
 * (its machine takes it only while the target is open; it is pending until
 * confirmed), then the source records the merge, then the target confirms
 * the attachment. If the source's write fails, the target takes the
 * attachment back. Step ids derive from the merge's command id, so a retry
 * replays each step instead of repeating it, and completes a merge a crash
 * cut short.
 */
export class CaseMerges {
  constructor(readonly engine: Engine) {}

  async merge(who: Principal, envelope: CommandEnvelope, intoCaseId: string, hints: Hints): Promise<Result> {
    const source = envelope.streamId;
    if (intoCaseId === source) return this.engine.execute(envelope, hints); // the decider names the problem
    const step = (type: string, data: object, suffix: string): CommandEnvelope =>
      Object.assign({}, envelope, { streamId: intoCaseId, type, data, commandId: `${envelope.commandId}:${suffix}`, expectedRevision: undefined });
    const seeTarget = (stream: FoldedStream<CaseContext>) => {
      const rights = caseRights(who, scopeOf(stream.context));
      if (stream.revision < 0 || !rights.see) throw noOpenTarget();
      return rights;
    };
    await this.#checkSource(envelope, intoCaseId, hints);
    try {
      await this.engine.execute(step('attach', { caseId: source }, 'attach'), { authorize: seeTarget });
    } catch (error) {
      if (error instanceof IllegalTransitionError) throw noOpenTarget();
      // The attach names the source as `caseId`; the caller named the target as `intoCaseId`.
      if (error instanceof CommandInvalidError) throw new CommandInvalidError('merge', error.issues.map((i) => ({ path: 'data.intoCaseId', message: i.message })));
      throw error;
    }
    let merged: Result;
    try {
      merged = await this.engine.execute(envelope, hints);
    } catch (error) {
      const reason = `the merge of ${source} did not complete (${error instanceof HuiyinError ? error.code : 'error'})`;
      await this.engine.execute(step('detach', { caseId: source, reason }, 'detach'));
      throw error;
    }
    await this.engine.execute(step('confirm-merge', { caseId: source }, 'confirm'));
    return merged;
  }

  /**
   * Whatever the source would refuse now (rights, a stale If-Match, its
   * status, its version's rules) is refused before the target is touched,
   * so a refused merge writes nothing; only a writer racing in between is
   * left to the compensating detach. A retry of a merge that landed skips
   * this: each step replays.
   */
  async #checkSource(envelope: CommandEnvelope, intoCaseId: string, hints: Hints): Promise<void> {
    const stream = await this.engine.load(this.engine.streamNameOf(envelope.streamId));
    if (stream.commands.has(envelope.commandId)) return;
    hints.authorize?.(stream);
    const pinned = envelope.expectedRevision;
    if (pinned !== undefined && pinned !== stream.revision) throw new WrongExpectedRevisionError(stream.streamName, pinned, stream.revision);
    const { streamId, commandId, occurredAt, actor } = envelope;
    decideAndCheck(stream, { type: 'merge', data: { intoCaseId } }, { streamId, commandId, occurredAt, actor });
  }

  /**
   * Feedback on a case is recorded on every case merged into it, so each
   * constituent has the answer. Each relay's id derives from the feedback's
   * command id: a retried feedback completes relays a crash cut short.
   */
  async relayFeedback(target: FoldedStream<CaseContext>, feedback: CommandEnvelope): Promise<void> {
    const answer = target.context.feedback;
    if (!answer) return;
    for (const caseId of target.context.mergedCases) {
      const relay = Object.assign({}, feedback, {
        streamId: caseId,
        type: 'relay-feedback',
        data: { fromCaseId: target.context.caseId, method: answer.method, summary: answer.summary },
        commandId: `${feedback.commandId}:relay:${caseId}`,
        expectedRevision: undefined,
      });
      await this.engine.execute(relay).catch((error: unknown) => {
        // A case merged under v1 rules is final: its constituent is not told there.
        if (!(error instanceof IllegalTransitionError)) throw error;
      });
    }
  }
}
