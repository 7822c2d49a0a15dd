// A real driver against a port nothing listens on: the store must fail at init with a clear, password-free error.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { openStore } from '../src/store/openStore.ts';

describe('Neo4jStore when the server is unreachable', () => {
  it('fails at init with STORE_UNAVAILABLE naming the URI, never the password', async () => {
    const config = loadConfig({
      KG_STORE: 'neo4j',
      NEO4J_URI: 'bolt://neo4j:uri-secret@127.0.0.1:1',
      NEO4J_PASSWORD: 'env-secret-password',
    });
    const error = await openStore(config).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    const message = (error as Error).message;
    expect(message).toContain('bolt://127.0.0.1:1');
    expect(message).not.toContain('uri-secret');
    expect(message).not.toContain('env-secret-password');
  });
});
