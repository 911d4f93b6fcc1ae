// Worker threads do not inherit the TypeScript loader of the process that
// starts them on Node 20, so the writer thread registers one itself.
import { register } from 'tsx/esm/api';

register();
await import('./writer-worker.ts');
