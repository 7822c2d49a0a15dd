// Body of the store worker thread (see ThreadedStore): opens stores on request and answers their methods.
import type { Config } from '../config.ts';
import { serveCalls } from '../threads/RpcWorker.ts';
import type { GraphStore } from './GraphStore.ts';
import { STORE_METHODS, type ForwardedMethod } from './ThreadedStore.ts';
import { StoreUnavailableError } from './errors.ts';
import { openStore } from './openStore.ts';

await serveCalls(async () => {
  const stores = new Map<number, GraphStore>();
  let nextHandle = 1;
  return {
    async open(config: Config): Promise<number> {
      const store = await openStore(config);
      const handle = nextHandle++;
      stores.set(handle, store);
      return handle;
    },
    async close(handle: number): Promise<void> {
      const store = stores.get(handle);
      stores.delete(handle);
      await store?.close();
    },
    call(handle: number, method: ForwardedMethod, args: unknown[]): unknown {
      const store = stores.get(handle);
      if (!store) throw new StoreUnavailableError('the store is closed');
      if (!STORE_METHODS.includes(method)) throw new Error(`not a store method: ${String(method)}`);
      const fn = store[method] as ((...a: unknown[]) => unknown) | undefined; // prepareWrites is optional
      return fn?.apply(store, args);
    },
  };
});
