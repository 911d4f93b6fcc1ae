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
    await this.#refuseRetryOfTakenBack(envelope, intoCaseId);
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
      // A write whose answer was lost may have landed: take the attachment back only if it did not.
      const after = await this.engine.load(this.engine.streamNameOf(source)).catch(() => undefined);
      if (!after || after.commands.has(envelope.commandId)) throw error;
      const reason = `the merge of ${source} did not complete (${error instanceof HuiyinError ? error.code : 'error'})`;
      // The caller hears why the merge failed; a take-back that fails too leaves the attachment pending,
      // which keeps the target from closing until the merge is retried.
      await this.engine.execute(step('detach', { caseId: source, reason }, 'detach')).catch(() => undefined);
      throw error;
    }
    const confirmed = await this.engine.execute(step('confirm-merge', { caseId: source }, 'confirm'));
    // Feedback given while the merge was under way reaches the merged case too.
    const answer = confirmed.state.context.feedback;
    if (answer) await this.#relay(source, confirmed.state.context.caseId, answer, envelope, `${envelope.commandId}:relay`);
    return merged;
  }

  /**
   * A merge that was taken back stays taken back: its key would otherwise
   * replay the attachment and merge the source into a target that no
   * longer lists it.
   */
  async #refuseRetryOfTakenBack(envelope: CommandEnvelope, intoCaseId: string): Promise<void> {
    const target = await this.engine.load(this.engine.streamNameOf(intoCaseId));
    if (!target.commands.has(`${envelope.commandId}:detach`)) return;
    throw new HuiyinError('IDEMPOTENCY.KEY_REUSED', 'this merge was tried and taken back; send it again with a new Idempotency-Key', {
      commandId: envelope.commandId,
    });
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
      await this.#relay(caseId, target.context.caseId, answer, feedback, `${feedback.commandId}:relay:${caseId}`);
    }
  }

  async #relay(caseId: string, fromCaseId: string, answer: { method: string; summary: string }, cause: CommandEnvelope, commandId: string) {
    const relay = Object.assign({}, cause, {
      streamId: caseId,
      type: 'relay-feedback',
      data: { fromCaseId, method: answer.method, summary: answer.summary },
      commandId,
      expectedRevision: undefined,
    });
    await this.engine.execute(relay).catch((error: unknown) => {
      // A case merged under v1 rules is final: its constituent is not told there.
      if (!(error instanceof IllegalTransitionError)) throw error;
    });
  }
}
