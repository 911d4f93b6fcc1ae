import { StartupProblem } from '../startup-problem.js';

/** Ten minutes: a walk reads the whole log, so not much more often by default. */
export const DEFAULT_VERIFY_INTERVAL_SECONDS = 600;

/** VERIFY_INTERVAL_SECONDS as milliseconds: unset, the default; 0 turns the background check off. */
export function verifyIntervalMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.VERIFY_INTERVAL_SECONDS?.trim();
  if (raw === undefined || raw === '') return DEFAULT_VERIFY_INTERVAL_SECONDS * 1000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new StartupProblem(`VERIFY_INTERVAL_SECONDS must be a number of seconds, 0 or more (0 turns the check off), not ${raw}`);
  }
  return seconds * 1000;
}
