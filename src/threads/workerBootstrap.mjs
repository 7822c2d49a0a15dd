// Worker threads do not inherit tsx's module hooks from the main thread: this plain-JS entry registers them in the
// worker, then loads the TypeScript module named in workerData.entry (see RpcWorker).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
