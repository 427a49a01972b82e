/**
 * Writing files the user named without leaving half a file behind: the text goes to a temporary
 * file beside the target, then is renamed over it, so the path holds either nothing (or its old
 * content) or the whole new file. Failures (a full disk, no permission, a directory in the way)
 * are UserErrors naming the file and saying what happened.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../scenario/errors.js';

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a folder on its path is a file',
  ENOENT: 'its folder does not exist',
  EEXIST: 'it already exists',
  EIO: 'an input/output error',
  EFBIG: 'the file would be too large',
};

/** "no space left on the device (ENOSPC)", or the system's message for a rarer error. */
export function writeReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  // Own keys only: a code such as "toString" must not find Object.prototype's.
  return code && Object.hasOwn(REASONS, code) ? `${REASONS[code]} (${code})` : (error as Error).message;
}

/** Refuses a target that is a directory before any work is done. */
export function checkWritableTarget(path: string, flag: string, example = 'out.jsonl'): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch { /* does not exist yet: fine */ }
  if (isDirectory) throw new UserError(`${flag} ${path} is a directory; give a file name, e.g. ${join(path, example)}`);
}

const temporaryFor = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);

/**
 * Refuses, before any work, a path that cannot take the output: a directory, a missing folder, or
 * a folder that cannot be written. Permission bits do not tell (root ignores them; read-only
 * mounts, /proc), so it tries to create the temporary file the write will use.
 */
export function checkWritable(path: string, flag: string, example?: string): void {
  checkWritableTarget(path, flag, example);
  const folder = dirname(path);
  if (!existsSync(folder)) throw new UserError(`${flag} ${path}: the folder ${folder} does not exist; create it first or choose another path`);
  if (!statSync(folder).isDirectory()) throw new UserError(`${flag} ${path}: ${folder} is not a folder`);
  const probe = temporaryFor(path);
  try {
    closeSync(openSync(probe, 'wx'));
  } catch (error) {
    throw new UserError(`${flag} ${path}: the folder cannot be written: ${writeReason(error)}; choose another path`);
  }
  rmSync(probe, { force: true });
}

/** Writes `text` to `path` whole or not at all: a temporary file beside it, flushed, then renamed over it. */
export function writeFileAtomic(path: string, text: string, flag = 'output'): void {
  checkWritable(path, flag);
  const temporary = temporaryFor(path);
  let fd: number | null = null;
  try {
    fd = openSync(temporary, 'wx');
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temporary, path);
  } catch (error) {
    if (fd !== null) try { closeSync(fd); } catch { /* already failing */ }
    rmSync(temporary, { force: true });
    throw new UserError(`${flag} ${path}: cannot be written: ${writeReason(error)}; nothing was written`);
  }
}
