// Neo4j 5 backend: managed transactions (retried by the driver, so each transaction function re-reads what it needs),
// the same cypher/ queries as LadybugDB, constraints and indexes from cypher/schema.neo4j.cypher.
import neo4j from 'neo4j-driver';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { Config } from '../../config.ts';
import { CypherGraphStore, type CypherTx } from '../CypherGraphStore.ts';
import { schemaStatements } from '../cypher.ts';
import { StoreError, StoreQueryError, StoreUnavailableError, StoreWriteError, messageOf } from '../errors.ts';
import { fromNeo4jRecord } from './fromNeo4j.ts';
import { toNeo4jParams } from './toNeo4j.ts';

export interface Neo4jStoreOptions {
  uri: string;
  user: string;
  password?: string;
  database: string;
  batchSize: number;
}

export class Neo4jStore extends CypherGraphStore {
  readonly kind = 'neo4j' as const;
  private driver: Driver | undefined;

  constructor(private readonly options: Neo4jStoreOptions) {
    super(options.batchSize);
  }

  static fromConfig(config: Config): Neo4jStore {
    if (!config.NEO4J_URI) throw new StoreUnavailableError('NEO4J_URI is required when KG_STORE=neo4j');
    return new Neo4jStore({
      uri: config.NEO4J_URI,
      user: config.NEO4J_USER,
      password: config.NEO4J_PASSWORD,
      database: config.NEO4J_DATABASE,
      batchSize: config.KG_BATCH_SIZE,
    });
  }

  /** The URI without any user:password part, for messages. */
  get safeUri(): string {
    return redactUri(this.options.uri);
  }

  async init(): Promise<void> {
    if (this.driver) return;
    let driver: Driver | undefined;
    try {
      // Bounded waits: a lost server answers STORE_UNAVAILABLE within seconds instead of the driver's 30 s retries.
      driver = neo4j.driver(this.options.uri, neo4j.auth.basic(this.options.user, this.options.password ?? ''), {
        maxTransactionRetryTime: DEFAULT_NEO4J_RETRY_MS,
        connectionTimeout: DEFAULT_NEO4J_CONNECT_MS,
        connectionAcquisitionTimeout: DEFAULT_NEO4J_CONNECT_MS,
      });
      await driver.verifyConnectivity({ database: this.options.database });
    } catch (e) {
      await driver?.close().catch(() => undefined);
      throw new StoreUnavailableError(`Neo4j at ${this.safeUri} is unreachable: ${this.redact(messageOf(e))}`, { cause: e });
    }
    this.driver = driver;
    const session = driver.session({ database: this.options.database });
    try {
      // Schema commands cannot share a transaction with each other or with data writes.
      for (const statement of schemaStatements('neo4j')) await session.run(statement);
    } catch (e) {
      await this.close();
      throw new StoreUnavailableError(`cannot create the schema in Neo4j at ${this.safeUri}: ${this.redact(messageOf(e))}`, {
        cause: e,
      });
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    const driver = this.driver;
    this.driver = undefined;
    await driver?.close();
  }

  protected read<T>(what: string, fn: (tx: CypherTx) => Promise<T>): Promise<T> {
    return this.transaction('READ', fn).catch((e: unknown) => {
      throw e instanceof StoreError ? e : new StoreQueryError(what, new Error(this.redact(messageOf(e))));
    });
  }

  /** Writes run one at a time in call order (documents sharing entities would otherwise contend for their locks). */
  private writes: Promise<unknown> = Promise.resolve();

  protected write<T>(what: string, fn: (tx: CypherTx) => Promise<T>): Promise<T> {
    const run = () =>
      this.transaction('WRITE', fn).catch((e: unknown) => {
        throw e instanceof StoreError ? e : new StoreWriteError(what, new Error(this.redact(messageOf(e))));
      });
    const result = this.writes.then(run, run);
    this.writes = result.catch(() => undefined);
    return result;
  }

  private async transaction<T>(mode: 'READ' | 'WRITE', fn: (tx: CypherTx) => Promise<T>): Promise<T> {
    if (!this.driver) throw new StoreUnavailableError(`Neo4j store ${this.safeUri} is not open (call init())`);
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: mode });
    try {
      const work = (tx: ManagedTransaction) =>
        fn({
          run: async (text, params = {}) => (await tx.run(text, toNeo4jParams(params))).records.map(fromNeo4jRecord),
        });
      return mode === 'READ' ? await session.executeRead(work) : await session.executeWrite(work);
    } catch (e) {
      if ((e as { code?: string }).code === neo4j.error.SERVICE_UNAVAILABLE || (e as { code?: string }).code === neo4j.error.SESSION_EXPIRED) {
        throw new StoreUnavailableError(`Neo4j at ${this.safeUri} is unreachable: ${this.redact(messageOf(e))}`, { cause: e });
      }
      throw e;
    } finally {
      await session.close();
    }
  }

  private redact(message: string): string {
    const { password } = this.options;
    return password ? message.split(password).join('***') : message;
  }
}

export const DEFAULT_NEO4J_RETRY_MS = 5_000;
export const DEFAULT_NEO4J_CONNECT_MS = 5_000;

export function redactUri(uri: string): string {
  try {
    const url = new URL(uri);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return uri.replace(/\/\/[^@/]*@/, '//');
  }
}
