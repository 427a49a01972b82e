/**
 * Writing files the user named without leaving half a file behind: the text goes to a temporary
 * file beside the target, then is renamed over it, so the path holds either nothing (or its old
 * content) or the whole new file. Failures (a full disk, no permission, a directory in the way)
 * are UserErrors naming the file and saying what happened.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
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
  return code && REASONS[code] ? `${REASONS[code]} (${code})` : (error as Error).message;
}

/** Refuses a target that is a directory before any work is done. */
export function checkWritableTarget(path: string, flag: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch { /* does not exist yet: fine */ }
  if (isDirectory) throw new UserError(`${flag} ${path} is a directory; give a file name, e.g. ${join(path, 'out.jsonl')}`);
}

export function writeFileAtomic(path: string, text: string, flag = 'output'): void {
  checkWritableTarget(path, flag);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
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
    throw new UserError(`cannot write ${path}: ${writeReason(error)}; nothing was written`);
  }
}
