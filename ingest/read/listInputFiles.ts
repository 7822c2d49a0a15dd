// Expands the paths given on the command line into the list of files to ingest.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { IngestInputError } from './IngestInputError.ts';
import { isSupportedFile, unsupportedTypeReason } from './readDocument.ts';

export interface InputFileList {
  /** Files to read, in a stable order: the paths' order, folders expanded recursively and sorted by name. */
  files: string[];
  /** One error per path that could not be used; the other paths are still listed. */
  errors: IngestInputError[];
}

export async function listInputFiles(paths: string[]): Promise<InputFileList> {
  const files: string[] = [];
  const errors: IngestInputError[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };

  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      errors.push(new IngestInputError('UNREADABLE', dir, `folder cannot be read (${code ?? String(err)})`, { cause: err }));
      return;
    }
    // Code-point order, so the result does not depend on the machine's locale.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (isSupportedFile(entry.name) && (entry.isFile() || entry.isSymbolicLink())) add(full);
    }
  }

  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file or folder' : `cannot be read (${code ?? String(err)})`;
      errors.push(new IngestInputError('UNREADABLE', path, reason, { cause: err }));
      continue;
    }
    if (info.isDirectory()) await walk(path);
    else if (!info.isFile()) errors.push(new IngestInputError('NOT_A_FILE', path, 'is not a regular file or folder'));
    else if (!isSupportedFile(path)) {
      errors.push(new IngestInputError('UNSUPPORTED_TYPE', path, unsupportedTypeReason(path)));
    } else add(path);
  }
  return { files, errors };
}
