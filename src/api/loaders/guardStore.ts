// Wraps the store so a failure caused by an unreachable store (closed, crashed, locked) surfaces as
// STORE_UNAVAILABLE instead of a driver message. Other failures pass through and are masked as internal errors.
import type { GraphStore } from '../../store/GraphStore.ts';
import { StoreError } from '../../store/errors.ts';
import { storeUnavailable } from '../errors/apiErrors.ts';

const UNAVAILABLE_CODES: ReadonlySet<string> = new Set(['STORE_UNAVAILABLE', 'STORE_LOCKED']);

export function guardStore(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'ping') return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          if (error instanceof StoreError && UNAVAILABLE_CODES.has(error.code)) throw storeUnavailable();
          // A store that still answers ping had a genuine query failure: keep the original (logged, then masked).
          const reachable = await target.ping().then(() => true, () => false);
          if (reachable) throw error;
          throw storeUnavailable();
        }
      };
    },
  });
}
