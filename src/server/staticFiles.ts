// Serves the built front end (web/dist) with an SPA fallback: a browser navigation to an unknown path gets
// index.html and the front end's router takes over. Without a build, "/" explains how to make one.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { ErrorCode } from '../api/errors/ErrorCode.ts';
import { sendError } from './httpErrors.ts';

export const NOT_BUILT_MESSAGE =
  'The web front end is not built yet.\nBuild it with: npm run build:web\nThe GraphQL API is available at /graphql.\n';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Only same-origin code and data: the front end loads nothing from other hosts. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

async function fileAt(path: string): Promise<number | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

function acceptsHtml(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

export function createStaticHandler(root: string) {
  const indexPath = join(root, 'index.html');

  function send(req: IncomingMessage, res: ServerResponse, path: string, size: number): void {
    // Vite fingerprints files under assets/, so they never change; index.html must always be revalidated.
    const immutable = path.startsWith(join(root, 'assets') + sep);
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(path).on('error', () => res.destroy()).pipe(res);
  }

  return async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const indexSize = await fileAt(indexPath);
    if (indexSize === null) {
      if (pathname === '/' || acceptsHtml(req)) {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : NOT_BUILT_MESSAGE);
      } else sendError(res, ErrorCode.NOT_FOUND, `No file at ${pathname}`);
      return;
    }
    let relative: string;
    try {
      relative = normalize(decodeURIComponent(pathname));
    } catch {
      sendError(res, ErrorCode.BAD_REQUEST, 'The path is not valid percent-encoding');
      return;
    }
    // A directory path ("/", "/docs/") means its index.html.
    const candidate = join(root, relative, relative.endsWith(sep) ? 'index.html' : '');
    // normalize() resolved any "..": a path that still leaves the root is refused by simply not serving it.
    const inside = candidate.startsWith(root + sep);
    const size = inside && !relative.includes('\0') ? await fileAt(candidate) : null;
    if (size !== null) send(req, res, candidate, size);
    else if (acceptsHtml(req)) send(req, res, indexPath, indexSize);
    else sendError(res, ErrorCode.NOT_FOUND, `No file at ${pathname}`);
  };
}
