// npm run ingest -- [files or folders]: see runIngestCli. Exit status 1 when any file failed.
import { ConfigError } from '../src/config.ts';
import { runIngestCli } from './runIngestCli.ts';

runIngestCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    const message = err instanceof ConfigError ? err.message : `ingest failed: ${(err as Error).message}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  },
);
