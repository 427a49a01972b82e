/**
 * src/files/read.ts when the system refuses: no permission (which root, running these tests,
 * never meets for real) and a read that fails after the open. node:fs is replaced for this file.
 */
import { describe, expect, it, vi } from 'vitest';

const failing: { open?: string; read?: string } = {};
const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  return {
    ...fs,
    openSync: (...args: Parameters<typeof fs.openSync>) => {
      if (failing.open) throw errno(failing.open);
      return fs.openSync(...args);
    },
    readSync: (...args: Parameters<typeof fs.readSync>) => {
      if (failing.read) throw errno(failing.read);
      return fs.readSync(...args);
    },
  };
});

const { readBounded } = await import('../../src/files/read.js');
const here = new URL(import.meta.url).pathname;

describe('readBounded when the system says no', () => {
  it.each([
    ['EACCES', { reason: 'cannot be read (permission denied)' }],
    ['EPERM', { reason: 'cannot be read (permission denied)' }],
    ['EISDIR', { reason: 'is a directory', hint: 'give the path of a scenario file' }],
    ['EMFILE', { reason: 'cannot be opened (EMFILE)' }],
  ])('an open failing with %s', (code, expected) => {
    failing.open = code;
    try {
      expect(readBounded(here, 1 << 20, 'a scenario')).toEqual(expected);
    } finally {
      delete failing.open;
    }
  });

  it('a read failing after the open names the error', () => {
    failing.read = 'EIO';
    try {
      expect(readBounded(here, 1 << 20, 'a scenario')).toEqual({ reason: 'cannot be read (EIO)' });
    } finally {
      delete failing.read;
    }
  });
});
