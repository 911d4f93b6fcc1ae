// A writer thread that dies, as a real one might (out of memory, a native
// fault), when handed a batch whose first append is to the stream
// "doomed-1" (a packed batch starts with that stream's name); every other
// batch it commits like the real one.
import process from 'node:process';
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

const on = parentPort.on.bind(parentPort);
parentPort.on = (event, handler) =>
  on(event, (message) => (message?.requests?.[0] === 'doomed-1' ? process.exit(1) : handler(message)));
register();
await import('../../services/event-store/sqlite/writer-worker.ts');
