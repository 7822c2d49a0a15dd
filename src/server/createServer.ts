// The HTTP server: GraphQL at /graphql (Apollo Server through executeHTTPGraphQLRequest), health checks, and the
// built front end at "/". Plain node:http: the routes are few and Apollo documents this integration.
import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { contextFactory, sharedStore } from '../api/context.ts';
import { createApolloServer } from '../api/createApolloServer.ts';
import { ErrorCode } from '../api/errors/ErrorCode.ts';
import type { ReadCacheOptions } from '../api/loaders/CachedStore.ts';
import { DEFAULT_MAX_BODY_BYTES } from '../api/security/limits.ts';
import type { SearchService } from '../search/SearchService.ts';
import type { GraphStore } from '../store/GraphStore.ts';
import { sendError, sendJson } from './httpErrors.ts';
import { readBody } from './readBody.ts';
import { ResponseCache } from './ResponseCache.ts';
import { createStaticHandler } from './staticFiles.ts';

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));
/** /readyz answers 503 when the store does not answer a ping within this time. */
export const DEFAULT_READY_TIMEOUT_MS = 2_000;
export const GRAPHQL_PATH = '/graphql';

export interface ServerOptions {
  config: Pick<Config, 'PORT' | 'NODE_ENV'>;
  store: GraphStore;
  search: SearchService;
  logger: Logger;
  /** Built front end; defaults to web/dist. */
  webDir?: string;
  /** Interface to listen on; all interfaces when absent. */
  host?: string;
  maxBodyBytes?: number;
  /** Shared read cache in front of the store (see CachedStore). */
  readCache?: ReadCacheOptions;
}

/** What the access log learns while a request is handled. */
interface AccessLog {
  operation?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** A client-supplied request id is kept when it is short and plain (it ends up in logs). */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
}

const NAMED_OPERATION = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;
const FIRST_ROOT_FIELD = /^[^{]*\{\s*(?:[_A-Za-z][_0-9A-Za-z]*\s*:\s*)?([_A-Za-z][_0-9A-Za-z]*)/;

/** For the access log: the operation's name, else its first root field ("search"); never argument values. */
function operationNameOf(body: unknown, url: URL): string | undefined {
  const fields = (body && typeof body === 'object' ? body : {}) as { operationName?: unknown; query?: unknown };
  const name = fields.operationName ?? url.searchParams.get('operationName');
  if (typeof name === 'string' && /^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return name;
  const query = fields.query ?? url.searchParams.get('query');
  if (typeof query !== 'string') return undefined;
  const head = query.slice(0, 500);
  return NAMED_OPERATION.exec(head)?.[1] ?? FIRST_ROOT_FIELD.exec(head)?.[1];
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function createServer(options: ServerOptions): Promise<RunningServer> {
  const { store, search, logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const production = options.config.NODE_ENV === 'production';
  const serveStatic = createStaticHandler(options.webDir ?? DEFAULT_WEB_DIR);
  const readStore = sharedStore({ store, search, logger, readCache: options.readCache });
  const makeContext = contextFactory({ store, search, logger }, readStore);
  const responses = new ResponseCache();

  const httpServer = createHttpServer();
  const apollo = createApolloServer({ production, httpServer });
  await apollo.start();

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, log: AccessLog): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'POST') {
      sendError(res, ErrorCode.METHOD_NOT_ALLOWED, `${req.method} is not accepted on ${GRAPHQL_PATH}; use GET or POST`, {
        allow: 'GET, POST',
      });
      return;
    }
    let body: unknown;
    let cacheKey: string | null = null;
    if (req.method === 'POST') {
      const read = await readBody(req, maxBodyBytes);
      if (read.kind === 'too-large') {
        sendError(res, ErrorCode.PAYLOAD_TOO_LARGE, `The request body exceeds the limit of ${maxBodyBytes} bytes`, {
          connection: 'close',
        });
        if (!read.drained) res.on('finish', () => req.destroy());
        return;
      }
      body = read.text;
      // Only JSON bodies are parsed; anything else goes to Apollo as text, where CSRF prevention and its
      // content-type checks reject it with a clear message.
      if ((req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
        try {
          body = JSON.parse(read.text);
        } catch {
          sendError(res, ErrorCode.BAD_REQUEST, 'The request body is not valid JSON');
          return;
        }
        // The same request under the same graph version has the same answer.
        const version = await readStore.graphVersionNow().catch(() => null);
        cacheKey = version === null ? null : responses.key(version, read.text);
        const hit = cacheKey === null ? undefined : await responses.get(cacheKey);
        if (hit) {
          log.operation = operationNameOf(body, url);
          res.setHeader('content-type', hit.contentType);
          res.statusCode = 200;
          res.end(hit.body);
          return;
        }
      }
    }
    log.operation = operationNameOf(body, url);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: req.method, headers, search: url.search, body };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => makeContext(requestId),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      if (cacheKey !== null) await responses.offer(cacheKey, res.statusCode, String(res.getHeader('content-type') ?? ''), response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  async function handleReady(res: ServerResponse): Promise<void> {
    const storeOk = await withTimeout(store.ping(), DEFAULT_READY_TIMEOUT_MS).then(() => true, () => false);
    const searchOk = search.isReady();
    const ready = storeOk && searchOk;
    sendJson(res, ready ? 200 : 503, {
      status: ready ? 'ready' : 'unavailable',
      checks: { store: storeOk ? 'ok' : 'unavailable', search: searchOk ? 'ok' : 'not ready' },
    });
  }

  /**
   * One line per request when its response ends or the client goes away: request id, operation, status, duration
   * and outcome. Only the path is logged (a GET /graphql query string holds user text), never bodies or results.
   */
  function logAccess(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, log: AccessLog): void {
    const started = performance.now();
    res.once('close', () => {
      const status = res.statusCode;
      const outcome = !res.writableFinished ? 'aborted' : status >= 500 ? 'error' : status >= 400 ? 'rejected' : 'ok';
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      const fields = { requestId, method: req.method, path: url.pathname, operation: log.operation, status, durationMs, outcome };
      if (outcome === 'error') logger.error(fields, 'request');
      else logger.info(fields, 'request');
    });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = requestIdOf(req);
    const log: AccessLog = {};
    res.setHeader('x-request-id', requestId);
    for (const [key, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(key, value);
    const url = new URL(req.url ?? '/', 'http://localhost');
    logAccess(req, res, url, requestId, log);
    const readOnly = req.method === 'GET' || req.method === 'HEAD';
    if (url.pathname === GRAPHQL_PATH) return handleGraphQL(req, res, url, requestId, log);
    if (!readOnly) {
      sendError(res, ErrorCode.METHOD_NOT_ALLOWED, `${req.method} is not accepted on ${url.pathname}`, { allow: 'GET, HEAD' });
      return;
    }
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') return handleReady(res);
    return serveStatic(req, res, url.pathname);
  }

  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      // Errors inside GraphQL are answered by Apollo; this is the HTTP layer failing, e.g. a broken stream.
      logger.error({ err: error, url: req.url }, 'request failed');
      if (!res.headersSent) sendError(res, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.config.PORT, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : 'localhost';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    // Apollo's drain plugin closes the HTTP server and waits for in-flight requests.
    close: () => apollo.stop(),
  };
}
