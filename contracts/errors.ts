/**
 * The closed set of domain and store errors. Each has a stable dotted code
 * that outer layers map onto HTTP problems; no caller matches on messages.
 */
export type ErrorCode =
  | 'STORE.WRONG_EXPECTED_REVISION'
  | 'STORE.STREAM_NOT_FOUND'
  | 'STORE.STREAM_DELETED'
  | 'STORE.APPEND_TOO_LARGE'
  | 'STORE.INVALID_STREAM_NAME'
  | 'STORE.INVALID_EVENT'
  | 'STORE.UNAVAILABLE'
  | 'STORE.CORRUPT'
  | 'STORE.CLOSED'
  | 'COMMAND.UNKNOWN'
  | 'COMMAND.INVALID'
  | 'WORKFLOW.ILLEGAL_TRANSITION'
  | 'CASE.ILLEGAL_TRANSITION'
  | 'CASE.FOLLOW_UP_UNRESOLVED'
  | 'CASE.MERGE_IN_PROGRESS'
  | 'CASE.HAS_MERGED_CASES'
  | 'CASE.ALREADY_PRESSED'
  | 'TRACKING.LOCKED'
  | 'CASE.NOT_FOUND'
  | 'DIRECTORY.NOT_FOUND'
  | 'DIRECTORY.ALREADY_EXISTS'
  | 'AUTH.UNAUTHENTICATED'
  | 'AUTH.FORBIDDEN'
  /** A request the session cookie signed lacks the X-Huiyin-Request header a cross-site form cannot send. */
  | 'AUTH.CSRF'
  /** A session whose password an administrator set: only the /api/session routes until it is changed. */
  | 'AUTH.PASSWORD_CHANGE_REQUIRED'
  /** Too many wrong passwords in a row: no sign-in, even with the right one, until the lock ends. */
  | 'AUTH.LOCKED'
  | 'HTTP.NOT_FOUND'
  | 'HTTP.BAD_REQUEST'
  | 'HTTP.BODY_TOO_LARGE'
  | 'HTTP.UNSUPPORTED_MEDIA_TYPE'
  | 'HTTP.PRECONDITION_FAILED'
  | 'IDEMPOTENCY.KEY_REUSED'
  | 'ENGINE.TOO_MANY_CONFLICTS'
  | 'ENGINE.CORRUPT_STREAM'
  /** A read model has not yet reached the position a read asked for (minPosition). */
  | 'READ_MODEL.BEHIND'
  /** A read model stopped on an event it could not apply; it serves nothing until rebuilt. */
  | 'READ_MODEL.FAILED'
  | 'INTERNAL';

export class HuiyinError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Revision a stream had when a conflicting append arrived; -1 = no stream. */
export class WrongExpectedRevisionError extends HuiyinError {
  constructor(
    readonly streamName: string,
    readonly expected: string | number,
    readonly actual: number,
  ) {
    super(
      'STORE.WRONG_EXPECTED_REVISION',
      `stream ${streamName}: expected revision ${expected}, actual ${actual === -1 ? 'no stream' : actual}`,
      { streamName, expected, actual },
    );
  }
}

export class StreamNotFoundError extends HuiyinError {
  constructor(readonly streamName: string) {
    super('STORE.STREAM_NOT_FOUND', `stream ${streamName} not found`, { streamName });
  }
}

export class AppendTooLargeError extends HuiyinError {
  constructor(
    readonly streamName: string,
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super('STORE.APPEND_TOO_LARGE', `append to ${streamName} is ${bytes} bytes; the limit is ${maxBytes}`, {
      streamName,
      bytes,
      maxBytes,
    });
  }
}

/** One field-level problem, as the HTTP layer lists them for a 400. */
export interface FieldIssue {
  path: string;
  message: string;
}

export class CommandInvalidError extends HuiyinError {
  constructor(
    readonly commandType: string,
    readonly issues: FieldIssue[],
  ) {
    super('COMMAND.INVALID', `${commandType}: ${issues.map((i) => `${i.path || '(root)'} ${i.message}`).join('; ')}`, {
      commandType,
      issues,
    });
  }
}

/**
 * A command the workflow does not take in the stream's status. Raised by
 * the engine with a neutral code; a service may refine it for its domain
 * (`CASE.ILLEGAL_TRANSITION`) and narrow the actions to the caller's rights.
 */
export class IllegalTransitionError extends HuiyinError {
  constructor(
    readonly commandType: string,
    readonly status: string,
    readonly allowedActions: string[],
    code: 'WORKFLOW.ILLEGAL_TRANSITION' | 'CASE.ILLEGAL_TRANSITION' = 'WORKFLOW.ILLEGAL_TRANSITION',
    subject = 'the stream',
  ) {
    super(code, `${commandType} is not allowed while ${subject} is ${status}`, {
      commandType,
      status,
      allowedActions,
    });
  }
}
