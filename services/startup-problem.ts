/** A start-up failure an operator fixes (a path, a permission, a setting), not a bug: said in one line. */
export class StartupProblem extends Error {
  override name = 'StartupProblem';
}
