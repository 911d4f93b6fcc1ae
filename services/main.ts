import { pino } from 'pino';
import { caseWorkflow } from '../workflows/case/index.js';
import { WorkflowEngine } from '../workflows/engine/engine.js';
import { verifyChain } from '../workflows/engine/hash-chain.js';
import { runCulvertStory } from './demo/culvert-story.js';
import { openEventStore } from './event-store/open-store.js';

/**
 * `npm start`. Until the HTTP service lands this runs the engine once on the
 * embedded store: one case through the whole loop, then an audit of it.
 */
const log = pino({ name: 'huiyin' });
const dataDir = process.env.DATA_DIR ?? './data';
const store = await openEventStore({ dataDir });
try {
  const engine = new WorkflowEngine(store, caseWorkflow);
  const caseId = await runCulvertStory(engine, (line) => process.stdout.write(`${line}\n`));
  const state = await engine.load(engine.streamNameOf(caseId));
  const history = await store.readStream(engine.streamNameOf(caseId));
  const verdict = verifyChain(history);
  const context = state.snapshot.context as { trackingCode: string };
  process.stdout.write(
    `case ${caseId} (tracking code ${context.trackingCode}): ${String(state.snapshot.value)} after ${history.length} events; ` +
      `hash chain ${verdict.ok ? 'intact' : `broken at ${verdict.brokenAt}`}; log head ${await store.headPosition()} in ${dataDir}\n`,
  );
} catch (error) {
  log.error({ err: error }, 'demo failed');
  process.exitCode = 1;
} finally {
  await store.close();
}
