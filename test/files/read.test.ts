/**
 * src/files/read.ts in process: what a user sees when thaw is pointed at something that is not a
 * scenario-sized regular file (a FIFO, a device, a directory, a /proc file whose size reads as 0,
 * a file over the limit), and that a good file comes back byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeBytes, isFailure, kindOf, readBounded } from '../../src/files/read.js';

const tmp = mkdtempSync(join(tmpdir(), 'thaw-read-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('readBounded', () => {
  it('returns a regular file whole, across many read chunks, at exactly the limit', () => {
    const bytes = Buffer.alloc(200_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
    const path = join(tmp, 'big.bin');
    writeFileSync(path, bytes);
    const got = readBounded(path, bytes.length, 'a scenario');
    expect(isFailure(got)).toBe(false);
    expect(Buffer.compare(got as Buffer, bytes)).toBe(0);
  });

  it('returns an empty file as no bytes', () => {
    const path = join(tmp, 'empty.yaml');
    writeFileSync(path, '');
    const got = readBounded(path, 10, 'a scenario');
    expect(Buffer.isBuffer(got) && got.length).toBe(0);
  });

  it('refuses a file one byte over the limit, giving its size and the limit', () => {
    const path = join(tmp, 'over.yaml');
    writeFileSync(path, 'x'.repeat(1025));
    expect(readBounded(path, 1024, 'a scenario')).toEqual({ reason: 'is 1025 bytes; a scenario may hold at most 1024 bytes (1024 bytes)' });
    expect(isFailure(readBounded(path, 1025, 'a scenario'))).toBe(false);
  });

  it('names a missing file', () => {
    expect(readBounded(join(tmp, 'nowhere.yaml'), 10, 'a scenario')).toEqual({ reason: 'does not exist' });
  });

  it('refuses a directory at once, with a hint naming the kind of file wanted', () => {
    expect(readBounded(tmp, 10, 'a sweep')).toEqual({ reason: 'is a directory, not a regular file', hint: 'give the path of a sweep file' });
  });

  it('refuses a named pipe at once instead of waiting for a writer', () => {
    const fifo = join(tmp, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(readBounded(fifo, 10, 'a scenario')).toEqual({ reason: 'is a named pipe (FIFO), not a regular file', hint: 'give the path of a scenario file' });
  });

  it.skipIf(!existsSync('/dev/zero'))('refuses a device that never ends', () => {
    expect(readBounded('/dev/zero', 10, 'a scenario')).toEqual({ reason: 'is a character device, not a regular file', hint: 'give the path of a scenario file' });
  });

  it.skipIf(!existsSync('/proc/self/maps'))('counts while reading, so a /proc file whose size reads as 0 stops at the limit', () => {
    expect(readBounded('/proc/self/maps', 64, 'a scenario')).toEqual({ reason: 'holds more than the 64 bytes allowed for a scenario' });
    const whole = readBounded('/proc/self/maps', 64 * 1024 * 1024, 'a scenario');
    expect(isFailure(whole)).toBe(false);
    expect((whole as Buffer).length).toBeGreaterThan(64);
  });

  it('says why a file cannot be opened when it is neither missing nor a directory', () => {
    const file = join(tmp, 'plain.txt');
    writeFileSync(file, 'x');
    expect(readBounded(join(file, 'below.yaml'), 10, 'a scenario')).toEqual({ reason: 'cannot be opened (ENOTDIR)' });
  });
});

describe.skipIf(process.platform !== 'linux')('file descriptors', () => {
  const openFds = (): number => readdirSync('/proc/self/fd').length;
  it('none is left open, after a read or a refusal', () => {
    const path = join(tmp, 'fd.yaml');
    writeFileSync(path, 'x'.repeat(100));
    const before = openFds();
    readBounded(path, 1000, 'a scenario');
    readBounded(path, 10, 'a scenario');
    readBounded(tmp, 10, 'a scenario');
    expect(openFds()).toBe(before);
  });
});

describe('kindOf and describeBytes', () => {
  const stat = (kind: string): Stats => {
    const is = (k: string) => () => kind === k;
    return { isFile: is('file'), isDirectory: is('dir'), isFIFO: is('fifo'), isSocket: is('socket'), isCharacterDevice: is('char'), isBlockDevice: is('block') } as unknown as Stats;
  };
  it.each([
    ['file', null], ['dir', 'a directory'], ['fifo', 'a named pipe (FIFO)'], ['socket', 'a socket'],
    ['char', 'a character device'], ['block', 'a block device'], ['other', 'not a regular file'],
  ])('%s is %s', (kind, words) => expect(kindOf(stat(kind))).toBe(words));

  it.each([
    [0, '0 bytes'], [1048575, '1048575 bytes'], [1048576, '1 MiB'], [1572864, '1.5 MiB'], [512 * 1048576, '512 MiB'], [1048577, '1.0 MiB'],
  ])('%d bytes read as %s', (n, words) => expect(describeBytes(n)).toBe(words));

  it('isFailure tells a refusal from bytes', () => {
    expect(isFailure({ reason: 'x' })).toBe(true);
    expect(isFailure(Buffer.from(''))).toBe(false);
  });
});
