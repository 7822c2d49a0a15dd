// JSON error answers written by the HTTP layer itself (before or outside GraphQL), in the GraphQL error shape so
// clients read every failure the same way.
import type { ServerResponse } from 'node:http';
import { HTTP_STATUS, type ErrorCode } from '../api/errors/ErrorCode.ts';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

export function sendError(res: ServerResponse, code: ErrorCode, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, HTTP_STATUS[code], { errors: [{ message, extensions: { code } }] }, headers);
}
