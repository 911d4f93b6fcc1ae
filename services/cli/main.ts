import { generateCommand } from './generate-command.js';
import { projectionsCommand } from './projections-command.js';
import { tokenCommand } from './token-command.js';

/**
 * `npm run cli -- COMMAND …`: the commands an operator runs beside the
 * service, each with its own usage line.
 */
const commands: Record<string, (args: string[]) => Promise<number>> = {
  token: tokenCommand,
  projections: projectionsCommand,
  generate: generateCommand,
};

const [name, ...args] = process.argv.slice(2);
const command = name === undefined ? undefined : commands[name];
if (!command) {
  process.stderr.write(`usage: npm run cli -- ${Object.keys(commands).join('|')} …\n`);
  process.exit(2);
}
try {
  process.exitCode = await command(args);
} catch (error) {
  // What the command could not foresee (a data directory that cannot be
  // made, a store that will not open) in one line, not a stack trace.
  process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
