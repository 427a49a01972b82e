/**
 * Writing a command's output file: all or nothing. The text goes to a temporary file beside the
 * target, then a rename puts it in place, so a failure never leaves half a file; a path that
 * cannot be written is the user's mistake (exit 2) and says why before any work is lost.
 */
import { existsSync, renameSync, rmSync, statSync, writeFileSync, accessSync, constants } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../scenario/errors.js';

/** Refuses, before anything runs, a path that cannot take the output. */
export function checkWritable(path: string, option: string): void {
  if (existsSync(path) && statSync(path).isDirectory()) throw new UserError(`${option} ${path}: is a directory; give a file name, e.g. ${join(path, 'report.html')}`);
  const folder = dirname(path);
  if (!existsSync(folder)) throw new UserError(`${option} ${path}: the folder ${folder} does not exist; create it first or choose another path`);
  if (!statSync(folder).isDirectory()) throw new UserError(`${option} ${path}: ${folder} is not a folder`);
  try {
    accessSync(folder, constants.W_OK);
    if (existsSync(path)) accessSync(path, constants.W_OK);
  } catch {
    throw new UserError(`${option} ${path}: not writable (permission denied); choose another path`);
  }
}

/** Writes `text` to `path` through a temporary file and a rename. */
export function writeAtomically(path: string, text: string, option: string): void {
  checkWritable(path, option);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOSPC' || code === 'EISDIR') {
      throw new UserError(`${option} ${path}: could not be written (${code}); nothing was written`);
    }
    throw error;
  }
}
