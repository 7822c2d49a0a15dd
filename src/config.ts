// Configuration is read from the environment once, validated here, and passed down as plain values.
import { z } from 'zod';

export const DEFAULT_PORT = 4000;
export const DEFAULT_DATA_DIR = 'data';
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
export const DEFAULT_BATCH_SIZE = 500;
/** LadybugDB buffer pool per process; the graph of a few hundred documents needs a small fraction of it. */
export const DEFAULT_LADYBUG_BUFFER_BYTES = 128 * 1024 * 1024;
export const DEFAULT_LOG_LEVEL = 'info';

const port = z.coerce.number().int().min(0).max(65535);

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: port.default(DEFAULT_PORT),
    KG_STORE: z.enum(['ladybug', 'neo4j']).default('ladybug'),
    KG_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
    KG_MAX_FILE_BYTES: z.coerce.number().int().positive().default(DEFAULT_MAX_FILE_BYTES),
    KG_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_BATCH_SIZE),
    KG_LADYBUG_BUFFER_BYTES: z.coerce.number().int().min(64 * 1024 * 1024).default(DEFAULT_LADYBUG_BUFFER_BYTES),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default(DEFAULT_LOG_LEVEL),
    NEO4J_URI: z.string().url().optional(),
    NEO4J_USER: z.string().default('neo4j'),
    NEO4J_PASSWORD: z.string().optional(),
    NEO4J_DATABASE: z.string().default('neo4j'),
  })
  .refine((c) => c.KG_STORE !== 'neo4j' || c.NEO4J_URI, {
    message: 'NEO4J_URI is required when KG_STORE=neo4j',
    path: ['NEO4J_URI'],
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates the environment once; the message names each bad variable and why. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
