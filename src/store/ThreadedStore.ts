// The configured store on a worker thread, for bulk ingest: LadybugDB converts parameters and runs queries there while
// the calling thread extracts the next documents. Calls are answered in order; a StoreError keeps its code.
import type { Config } from '../config.ts';
import { RpcWorker, type ThreadError } from '../threads/RpcWorker.ts';
import type { GraphStore } from './GraphStore.ts';
import { STORE_ERROR_CODES, StoreError, StoreUnavailableError, type StoreErrorCode } from './errors.ts';

/** The GraphStore methods forwarded to the store thread (init opens the store there, close closes it). */
export const STORE_METHODS = [
  'ping',
  'prepareWrites',
  'replaceDocument',
  'removeDocument',
  'graphVersion',
  'stats',
  'listDocuments',
  'getDocuments',
  'getPassages',
  'getEntities',
  'scanPassages',
  'scanEntities',
  'findEntities',
  'resolveEntityIds',
  'mentionsOfEntities',
  'mentionsInPassages',
  'relationsOf',
  'factsOf',
  'findProjects',
] as const satisfies readonly (keyof GraphStore)[];
export type ForwardedMethod = (typeof STORE_METHODS)[number];

function revive(e: ThreadError): Error {
  if (e.code && (STORE_ERROR_CODES as readonly string[]).includes(e.code)) {
    return Object.assign(new StoreError(e.code as StoreErrorCode, e.message), { name: e.name });
  }
  return Object.assign(new Error(e.message), { name: e.name });
}

type Forwarded = Required<Pick<GraphStore, ForwardedMethod>>;

/**
 * One store thread per process, kept for its life (unreferenced while idle): LadybugDB's native module does not survive
 * being unloaded with one worker and loaded again by the next (the process aborts, "free(): invalid pointer").
 */
let storeThread: RpcWorker | null = null;
function sharedStoreThread(): RpcWorker {
  if (!storeThread || storeThread.failed) {
    storeThread = new RpcWorker(new URL('./storeOnThread.ts', import.meta.url), null, revive, { idleUnref: true });
  }
  return storeThread;
}

interface Opened {
  thread: RpcWorker;
  handle: number;
}

export class ThreadedStore implements GraphStore {
  readonly kind: GraphStore['kind'];
  private opening: Promise<Opened> | null = null;

  constructor(private readonly config: Config) {
    this.kind = config.KG_STORE;
  }

  /**
   * Opens the store on the store thread; rejects with the open's StoreError. Methods called before it settles wait
   * for it (and fail with its error), so a caller may go on without waiting.
   */
  init(): Promise<void> {
    this.opening ??= (async () => {
      const thread = sharedStoreThread();
      return { thread, handle: await thread.call<number>('open', [this.config]) };
    })();
    return this.opening.then(() => undefined);
  }

  async close(): Promise<void> {
    const opening = this.opening;
    this.opening = null;
    const opened = await opening?.catch(() => null);
    if (opened) await opened.thread.call('close', [opened.handle]);
  }

  private forward<M extends ForwardedMethod>(method: M) {
    return async (...args: Parameters<Forwarded[M]>): Promise<Awaited<ReturnType<Forwarded[M]>>> => {
      if (!this.opening) throw new StoreUnavailableError('the store is not open (call init())');
      const { thread, handle } = await this.opening;
      return thread.call<Awaited<ReturnType<Forwarded[M]>>>('call', [handle, method, args]);
    };
  }

  ping = this.forward('ping');
  prepareWrites = this.forward('prepareWrites');
  replaceDocument = this.forward('replaceDocument');
  removeDocument = this.forward('removeDocument');
  graphVersion = this.forward('graphVersion');
  stats = this.forward('stats');
  listDocuments = this.forward('listDocuments');
  getDocuments = this.forward('getDocuments');
  getPassages = this.forward('getPassages');
  getEntities = this.forward('getEntities');
  scanPassages = this.forward('scanPassages');
  scanEntities = this.forward('scanEntities');
  findEntities = this.forward('findEntities');
  resolveEntityIds = this.forward('resolveEntityIds');
  mentionsOfEntities = this.forward('mentionsOfEntities');
  mentionsInPassages = this.forward('mentionsInPassages');
  relationsOf = this.forward('relationsOf');
  factsOf = this.forward('factsOf');
  findProjects = this.forward('findProjects');
}
