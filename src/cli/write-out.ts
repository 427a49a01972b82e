/**
 * Writing a command's output file: all or nothing. The text goes to a temporary file beside the
 * target, then a rename puts it in place, so a failure never leaves half a file; a path that
 * cannot be written is the user's mistake (exit 2) and says why before any work is lost.
 */
import { closeSync, existsSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../scenario/errors.js';

/** Refuses, before anything runs, a path that cannot take the output. */
export function checkWritable(path: string, option: string): void {
  if (existsSync(path) && statSync(path).isDirectory()) throw new UserError(`${option} ${path}: is a directory; give a file name, e.g. ${join(path, 'report.html')}`);
  const folder = dirname(path);
  if (!existsSync(folder)) throw new UserError(`${option} ${path}: the folder ${folder} does not exist; create it first or choose another path`);
  if (!statSync(folder).isDirectory()) throw new UserError(`${option} ${path}: ${folder} is not a folder`);
  // Permission bits do not tell (root ignores them; read-only mounts, /proc): try to create the temporary file.
  const probe = temporaryFor(path);
  try {
    closeSync(openSync(probe, 'wx'));
  } catch (error) {
    throw new UserError(`${option} ${path}: the folder cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'}); choose another path`);
  }
  rmSync(probe, { force: true });
}

const temporaryFor = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);

/** Writes `text` to `path` through a temporary file and a rename. */
export function writeAtomically(path: string, text: string, option: string): void {
  checkWritable(path, option);
  const temporary = temporaryFor(path);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOSPC' || code === 'EISDIR' || code === 'ENOENT' || code === 'EDQUOT') {
      throw new UserError(`${option} ${path}: could not be written (${code}); nothing was written`);
    }
    throw error;
  }
}
