/**
 * Reading a file the user named, defensively: only regular files (a FIFO would block forever, a
 * device such as /dev/zero never ends, a directory cannot be read), and never more than a limit,
 * counted while reading, because some files (/proc's) report a size of 0 and then deliver more.
 * Every refusal is a UserError naming the file and what it is.
 */
import { closeSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { constants } from 'node:fs';
import { UserError } from '../scenario/errors.js';

/** What a file is, in words, when it is not a regular file. */
export function kindOf(stat: Stats): string | null {
  if (stat.isFile()) return null;
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

const MiB = 1024 * 1024;
export const describeBytes = (n: number): string => (n >= MiB ? `${(n / MiB).toFixed(n % MiB === 0 ? 0 : 1)} MiB` : `${n} bytes`);

export interface ReadFailure {
  /** Why the file was refused, e.g. "is a directory" or "is larger than 1 MiB". */
  readonly reason: string;
  readonly hint?: string;
}

/**
 * The file's bytes, or a failure saying why not. `what` names the kind of file in hints
 * ("a scenario", "a sweep file"). The file is opened non-blocking, so a FIFO is refused at once.
 */
export function readBounded(path: string, limit: number, what: string): Buffer | ReadFailure {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { reason: 'does not exist' };
    if (code === 'EACCES' || code === 'EPERM') return { reason: 'cannot be read (permission denied)' };
    if (code === 'EISDIR') return { reason: 'is a directory', hint: `give the path of ${what} file` };
    return { reason: `cannot be opened (${code ?? (error as Error).message})` };
  }
  try {
    const stat = fstatSync(fd);
    const kind = kindOf(stat);
    if (kind) return { reason: `is ${kind}, not a regular file`, hint: `give the path of ${what} file` };
    if (stat.size > limit) return { reason: `is ${stat.size} bytes; ${what} may hold at most ${limit} bytes (${describeBytes(limit)})` };
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(64 * 1024);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return { reason: `cannot be read (${code ?? (error as Error).message})` };
      }
      if (n === 0) break;
      total += n;
      if (total > limit) return { reason: `holds more than the ${describeBytes(limit)} allowed for ${what}` };
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

export const isFailure = (x: Buffer | ReadFailure): x is ReadFailure => !Buffer.isBuffer(x);
