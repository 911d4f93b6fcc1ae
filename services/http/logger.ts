import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Names and phone numbers of citizens never reach the log, wherever they
 * sit in a logged object; nor do bearer tokens.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'constituent.name',
  'constituent.phone',
  '*.constituent.name',
  '*.constituent.phone',
  '*.*.constituent.name',
  '*.*.constituent.phone',
];

export function createLogger(options: { level?: string; pretty?: boolean; destination?: DestinationStream } = {}): Logger {
  const settings = {
    name: 'huiyin',
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    redact: { paths: redactedPaths, censor: '[redacted]' },
    ...(options.pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l' } } } : {}),
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
