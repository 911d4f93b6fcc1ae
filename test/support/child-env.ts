/**
 * The environment for a child process a test starts through tsx. tap's
 * coverage variable is left out: tsx compiles differently from tap's own
 * loader, and merging the two maps misreports the parent's coverage.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { NODE_V8_COVERAGE: _coverage, ...env } = process.env;
  return { ...env, ...extra };
}
