import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { HuiyinError } from '../../contracts/errors.js';

const wholeBody = (message: string) => ({ errors: [{ in: 'body', path: '', message }] });

/**
 * JSON bodies are read as bytes and refused (400, naming the body) unless
 * they are valid UTF-8: decoding them as a string first would turn a bad
 * byte into U+FFFD, and a replaced character would then be stored as if the
 * caller had written it. Valid bytes go to fastify's own JSON parser, so
 * the body limit (413), the empty-body check and the __proto__ guard stay.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    if (!isUtf8(bytes)) {
      done(new HuiyinError('HTTP.BAD_REQUEST', 'the body is not valid UTF-8', wholeBody('not valid UTF-8')), undefined);
      return;
    }
    parseJson(request, bytes.toString('utf8'), (error, value) => {
      if (!error) return done(null, value);
      const status = (error as { statusCode?: number }).statusCode;
      // Malformed or empty JSON is the body's fault; name it like any other field problem.
      if (status === 400) done(new HuiyinError('HTTP.BAD_REQUEST', error.message, wholeBody(error.message)), undefined);
      else done(error, undefined);
    });
  });
}
