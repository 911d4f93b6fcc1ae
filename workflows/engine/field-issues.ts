import type { ZodError } from 'zod';
import { CommandInvalidError, HuiyinError, type FieldIssue } from '../../contracts/errors.js';
import { commandEnvelopeSchema, type CommandEnvelope } from '../../contracts/metadata.js';
import type { WorkflowDefinition } from './definition.js';

export function fieldIssues(error: ZodError, pathPrefix = ''): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [pathPrefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

/**
 * Validates the envelope and the command's data together, so one answer
 * names every bad field rather than the first layer's only.
 */
export function validateCommand(
  definition: WorkflowDefinition,
  request: unknown,
): { envelope: CommandEnvelope; command: { type: string; data: unknown } } {
  const envelope = commandEnvelopeSchema.safeParse(request);
  const type = (request as { type?: unknown } | null)?.type;
  const commandType = typeof type === 'string' ? type : 'command';
  const schema = typeof type === 'string' && Object.hasOwn(definition.commands, type) ? definition.commands[type] : undefined;
  if (typeof type === 'string' && !schema) {
    throw new HuiyinError('COMMAND.UNKNOWN', `unknown command ${type}`, {
      commandType: type,
      known: Object.keys(definition.commands),
    });
  }
  const data = schema?.safeParse((request as { data?: unknown }).data);
  const issues = [
    ...(envelope.success ? [] : fieldIssues(envelope.error)),
    ...(data && !data.success ? fieldIssues(data.error, 'data') : []),
  ];
  if (!envelope.success || !data?.success || issues.length) {
    throw new CommandInvalidError(commandType, issues);
  }
  return { envelope: envelope.data, command: { type: commandType, data: data.data } };
}
