/**
 * src/files/write.ts when the disk fills or the rename fails half-way: the error names the file
 * and what happened, the old file keeps its content and no temporary file is left behind (one
 * would block the next try, which creates it exclusively). node:fs is replaced for this file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const failing: { write?: string; rename?: string; openAfter?: number } = {};
let opens = 0;
const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  return {
    ...fs,
    openSync: (...args: Parameters<typeof fs.openSync>) => {
      opens += 1;
      if (failing.openAfter !== undefined && opens > failing.openAfter) throw errno('EMFILE');
      return fs.openSync(...args);
    },
    writeSync: (...args: Parameters<typeof fs.writeSync>) => {
      if (failing.write) throw errno(failing.write);
      return fs.writeSync(...args);
    },
    renameSync: (...args: Parameters<typeof fs.renameSync>) => {
      if (failing.rename) throw errno(failing.rename);
      return fs.renameSync(...args);
    },
  };
});

const { writeFileAtomic } = await import('../../src/files/write.js');
const tmp = mkdtempSync(join(tmpdir(), 'thaw-write-errors-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Open file descriptors of this process (Linux): a failed write must not leak one. */
const openFds = (): number => readdirSync('/proc/self/fd').length;
const linux = process.platform === 'linux';

describe('writeFileAtomic when writing fails', () => {
  it.skipIf(!linux)('leaves no file descriptor open, whether it succeeds or fails', () => {
    const dir = mkdtempSync(join(tmp, 'fds-'));
    const before = openFds();
    writeFileAtomic(join(dir, 'ok.json'), 'x');
    expect(openFds()).toBe(before);
    failing.write = 'ENOSPC';
    try {
      expect(() => writeFileAtomic(join(dir, 'full.json'), 'x')).toThrow(/no space left/);
    } finally {
      delete failing.write;
    }
    expect(openFds()).toBe(before);
  });

  it('a temporary file that cannot be created: a user error, and nothing to clean up', () => {
    const dir = mkdtempSync(join(tmp, 'open-'));
    const target = join(dir, 'runs.json');
    opens = 0;
    failing.openAfter = 1; // the folder check's probe opens; the write's own open fails
    try {
      expect(() => writeFileAtomic(target, 'x', '--out')).toThrow(`--out ${target}: cannot be written: EMFILE: simulated; nothing was written`);
    } finally {
      delete failing.openAfter;
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a full disk: says so, keeps the old file, leaves no temporary file; the next try succeeds', () => {
    const dir = mkdtempSync(join(tmp, 'full-'));
    const target = join(dir, 'sweep.json');
    writeFileSync(target, 'old');
    failing.write = 'ENOSPC';
    try {
      expect(() => writeFileAtomic(target, 'new', '--out')).toThrow(`--out ${target}: cannot be written: no space left on the device (ENOSPC); nothing was written`);
    } finally {
      delete failing.write;
    }
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['sweep.json']);
    writeFileAtomic(target, 'new', '--out');
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('a failing rename: the temporary file is removed and nothing new appears', () => {
    const dir = mkdtempSync(join(tmp, 'rename-'));
    const target = join(dir, 'study.json');
    failing.rename = 'EXDEV';
    try {
      expect(() => writeFileAtomic(target, 'new')).toThrow(`output ${target}: cannot be written: EXDEV: simulated; nothing was written`);
    } finally {
      delete failing.rename;
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the failure is a user error (exit 2)', () => {
    const target = join(mkdtempSync(join(tmp, 'kind-')), 'x.json');
    failing.write = 'EIO';
    try {
      writeFileAtomic(target, 'new');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).name).toBe('UserError');
    } finally {
      delete failing.write;
    }
  });
});
