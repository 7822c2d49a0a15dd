// Embedded LadybugDB backend: one database file under the data directory, one connection, one operation at a time.
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import lbug from '@ladybugdb/core';
import type { Connection, Database, LbugValue, PreparedStatement, QueryResult } from '@ladybugdb/core';
import { DEFAULT_LADYBUG_BUFFER_BYTES, type Config } from '../../config.ts';
import { CypherGraphStore, type CypherTx, type Params } from '../CypherGraphStore.ts';
import type { Row } from '../bundleRows.ts';
import { documentWriteStatements, schemaStatements } from '../cypher.ts';
import {
  StoreError,
  StoreLockedError,
  StoreQueryError,
  StoreReadOnlyError,
  StoreUnavailableError,
  StoreWriteError,
  messageOf,
} from '../errors.ts';

export const DEFAULT_LADYBUG_FILE = 'graph.lbug';
/**
 * Upper bound of the database file, reserved as virtual address space per open database: the library default (8 TiB)
 * exhausts the address space after a dozen databases in one process (tests, tools). A power of two.
 */
export const DEFAULT_LADYBUG_MAX_DB_BYTES = 2 ** 36;
/**
 * Write-ahead log size that triggers a checkpoint (library default 16 MiB). Each checkpoint rewrites the tables it
 * touches, so during a bulk ingest many small ones cost far more than one at close: 100 documents took 21.6 s with the
 * default and 17.4 s with one checkpoint at close (scratch measurement, 2 cores); the file was half the size too.
 */
/** Opens retried when another process's checkpoint gets in the way (see openDatabase), and the pause between. */
export const DEFAULT_LADYBUG_OPEN_ATTEMPTS = 5;
export const DEFAULT_LADYBUG_OPEN_RETRY_MS = 200;
export const DEFAULT_LADYBUG_CHECKPOINT_BYTES = 64 * 1024 * 1024;

export interface LadybugStoreOptions {
  dataDir: string;
  batchSize: number;
  bufferBytes?: number;
}

export class LadybugStore extends CypherGraphStore {
  readonly kind = 'ladybug' as const;
  readonly dataDir: string;
  readonly dbPath: string;
  private readonly bufferBytes: number;
  private db: Database | undefined;
  private conn: Connection | undefined;
  private readonly statements = new Map<string, PreparedStatement>();
  /** The connection runs one query at a time; a write transaction must not interleave with anything. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: LadybugStoreOptions) {
    super(options.batchSize);
    this.dataDir = resolve(options.dataDir);
    this.dbPath = join(this.dataDir, DEFAULT_LADYBUG_FILE);
    this.bufferBytes = options.bufferBytes ?? DEFAULT_LADYBUG_BUFFER_BYTES;
  }

  static fromConfig(config: Config): LadybugStore {
    return new LadybugStore({ dataDir: config.KG_DATA_DIR, batchSize: config.KG_BATCH_SIZE, bufferBytes: config.KG_LADYBUG_BUFFER_BYTES });
  }

  async init(): Promise<void> {
    if (this.conn) return;
    this.prepareDataDir();
    const db = await this.openDatabase();
    const conn = new lbug.Connection(db);
    await conn.init();
    this.db = db;
    this.conn = conn;
    try {
      await this.exclusive(async () => {
        for (const ddl of schemaStatements('ladybug')) await this.execute(ddl, {});
      });
    } catch (e) {
      await this.close();
      throw e instanceof StoreError ? e : new StoreUnavailableError(`cannot create the schema in ${this.dbPath}: ${messageOf(e)}`, { cause: e });
    }
  }

  /**
   * Prepares the statements of a document write ahead of the first one (some 50 ms of planning): the ingest's store
   * thread does it while kuromoji is still loading.
   */
  async prepareWrites(): Promise<void> {
    await this.exclusive(async () => {
      for (const text of documentWriteStatements()) await this.statement(text);
    });
  }

  /**
   * LadybugDB reads the checkpoint's shadow file and the log before it takes the directory's lock: opening while
   * another process checkpoints or closes can fail on a file that just vanished, or replay a log that was just
   * checkpointed ("… already exists in catalog"). A retry then meets the lock, or the finished checkpoint.
   */
  private async openDatabase(): Promise<Database> {
    for (let attempt = 1; ; attempt++) {
      // A process killed while appending a transaction to the write-ahead log leaves a torn tail: replay drops that
      // uncommitted transaction instead of refusing to open (throwOnWalReplayFailure = false).
      // Committed changes stay in the buffer pool until a checkpoint: the threshold is at most half the pool.
      const checkpointBytes = Math.min(DEFAULT_LADYBUG_CHECKPOINT_BYTES, Math.floor(this.bufferBytes / 2));
      const db = new lbug.Database(this.dbPath, this.bufferBytes, true, false, DEFAULT_LADYBUG_MAX_DB_BYTES, true, checkpointBytes, false);
      try {
        await db.init();
        return db;
      } catch (e) {
        await db.close().catch(() => undefined);
        if (attempt >= DEFAULT_LADYBUG_OPEN_ATTEMPTS || !/cannot open file .*\.(shadow|wal)\b|already exists in catalog/i.test(messageOf(e))) throw this.openError(e);
        await new Promise((resolve) => setTimeout(resolve, DEFAULT_LADYBUG_OPEN_RETRY_MS));
      }
    }
  }

  async close(): Promise<void> {
    const { conn, db } = this;
    this.conn = undefined;
    this.db = undefined;
    this.statements.clear();
    await this.queue.catch(() => undefined);
    await conn?.close();
    await db?.close();
  }

  /** The directory is created when missing (not its parents); a clear error names the path otherwise. */
  private prepareDataDir(): void {
    const dir = this.dataDir;
    if (!existsSync(dir)) {
      const parent = dirname(dir);
      if (!existsSync(parent)) {
        throw new StoreUnavailableError(`cannot create data directory ${dir}: parent directory ${parent} does not exist`);
      }
      try {
        mkdirSync(dir);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new StoreReadOnlyError(parent, { cause: e });
        throw new StoreUnavailableError(`cannot create data directory ${dir}: ${messageOf(e)}`, { cause: e });
      }
    } else if (!statSync(dir).isDirectory()) {
      throw new StoreUnavailableError(`data directory ${dir} is not a directory`);
    }
    try {
      accessSync(dir, constants.W_OK);
    } catch (e) {
      throw new StoreReadOnlyError(dir, { cause: e });
    }
  }

  private openError(e: unknown): StoreError {
    const message = messageOf(e);
    if (/could not set lock/i.test(message)) return new StoreLockedError(this.dataDir, { cause: e });
    if (/read-only|EROFS|permission denied/i.test(message)) return new StoreReadOnlyError(this.dataDir, { cause: e });
    return new StoreUnavailableError(`cannot open LadybugDB database ${this.dbPath}: ${message}`, { cause: e });
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private connection(): Connection {
    if (!this.conn) throw new StoreUnavailableError(`LadybugDB store ${this.dbPath} is not open (call init())`);
    return this.conn;
  }

  /** Prepared once per statement text and connection. */
  private async statement(text: string): Promise<PreparedStatement> {
    let ps = this.statements.get(text);
    if (!ps) {
      ps = await this.connection().prepare(text);
      if (!ps.isSuccess()) throw new Error(ps.getErrorMessage());
      this.statements.set(text, ps);
    }
    return ps;
  }

  private async execute(text: string, params: Params): Promise<Row[]> {
    const ps = await this.statement(text);
    const result = await this.connection().execute(ps, params as Record<string, LbugValue>);
    const results: QueryResult[] = Array.isArray(result) ? result : [result];
    const rows: Row[] = [];
    for (const r of results) {
      for (const row of await r.getAll()) rows.push(plainRow(row));
      r.close();
    }
    return rows;
  }

  private readonly tx: CypherTx = {
    run: async (text, params = {}) => {
      const rows = params.rows;
      if (!Array.isArray(rows)) return this.execute(text, params);
      // The binding types a list of structs from its values: an int and a float in one field are incompatible.
      const out: Row[] = [];
      for (const group of groupByNumberKinds(rows as Row[])) out.push(...(await this.execute(text, { ...params, rows: group })));
      return out;
    },
  };

  protected read<T>(what: string, fn: (tx: CypherTx) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      try {
        return await fn(this.tx);
      } catch (e) {
        throw e instanceof StoreError ? e : new StoreQueryError(what, e);
      }
    });
  }

  /** Runs a statement without parameters and closes its result: an open result keeps the database from closing. */
  private async control(statement: 'BEGIN TRANSACTION' | 'COMMIT' | 'ROLLBACK'): Promise<void> {
    const result = await this.connection().query(statement);
    for (const r of Array.isArray(result) ? result : [result]) r.close();
  }

  protected write<T>(what: string, fn: (tx: CypherTx) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      await this.control('BEGIN TRANSACTION');
      try {
        const result = await fn(this.tx);
        await this.control('COMMIT');
        return result;
      } catch (e) {
        // LadybugDB already rolls back a transaction whose statement failed; ROLLBACK then reports none active.
        await this.control('ROLLBACK').catch(() => undefined);
        throw e instanceof StoreError ? e : new StoreWriteError(what, e);
      }
    });
  }
}

/** Splits rows so that each numeric field is all-integer or all-fractional within a group (order kept per group). */
function groupByNumberKinds(rows: Row[]): Row[][] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    let sig = '';
    for (const [k, v] of Object.entries(row)) {
      if (typeof v === 'number') sig += `${k}:${Number.isInteger(v) ? 'i' : 'f'};`;
    }
    const g = groups.get(sig);
    if (g) g.push(row);
    else groups.set(sig, [row]);
  }
  return [...groups.values()];
}

/** DATE values come back as JS Dates at UTC midnight: the model uses ISO date strings. */
function plainRow(row: Record<string, LbugValue>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = plainValue(v);
  return out;
}

function plainValue(v: LbugValue): unknown {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(plainValue);
  return v;
}
