import t from 'tap';
import { z } from 'zod';
import { ApiProblem } from '../../services/web/src/api/client.js';
import { checkWith, serverFieldErrors, withoutBlanks } from '../../services/web/src/lib/forms.js';

const visit = z.strictObject({
  name: z.string().min(1),
  matters: z.array(z.strictObject({ category: z.string().min(1), summary: z.string().min(2) })).min(1),
});

t.test('checkWith names each bad field by the path the API would use', async (t) => {
  const result = checkWith(visit, { name: '', matters: [{ category: 'roads', summary: '涵洞堵塞' }, { category: '', summary: 'x' }] });
  t.equal(result.ok, false);
  if (result.ok) return;
  t.same(Object.keys(result.errors).sort(), ['matters.1.category', 'matters.1.summary', 'name']);
});

t.test('checkWith passes a good form through, parsed', async (t) => {
  const result = checkWith(visit, { name: '韦秀英', matters: [{ category: 'roads', summary: '涵洞堵塞' }] });
  t.same(result, { ok: true, data: { name: '韦秀英', matters: [{ category: 'roads', summary: '涵洞堵塞' }] } });
});

t.test('serverFieldErrors maps a problem’s errors onto the same paths, and nothing else', async (t) => {
  const problem = new ApiProblem(400, 'HTTP.BAD_REQUEST', 'Bad request', 'invalid body', [{ in: 'body', path: 'matters.0.category', message: 'unknown category' }]);
  t.same(serverFieldErrors(problem), { 'matters.0.category': 'unknown category' });
  t.same(serverFieldErrors(new Error('x')), {});
});

t.test('withoutBlanks leaves optional fields out instead of sending them empty', async (t) => {
  t.same(withoutBlanks({ name: '周兰', note: '', phone: undefined, count: 0 }), { name: '周兰', count: 0 });
});
