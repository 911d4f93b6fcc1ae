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
process.exitCode = await command(args);
