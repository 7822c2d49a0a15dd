// npm run ingest -- [files or folders]: see runIngestCli. Exit status 1 when any file failed.
// kuromoji's worker starts before the rest of the pipeline is even imported: its dictionary is the longest wait.
import { TokenizerWorker } from '../src/text/TokenizerWorker.ts';

const tokenizer = new TokenizerWorker();
const { runIngestCli } = await import('./runIngestCli.ts');
const { ConfigError } = await import('../src/config.ts');

runIngestCli(process.argv.slice(2), tokenizer).then(
  (code) => process.exit(code),
  (err) => {
    const message = err instanceof ConfigError ? err.message : `ingest failed: ${(err as Error).message}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  },
);
