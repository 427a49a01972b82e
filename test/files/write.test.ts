/**
 * src/files/write.ts in process: a target that cannot take the output is refused before any
 * work, naming the file and saying what is wrong, and a write leaves the whole new file or
 * nothing (no temporary file, no half file) behind.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkWritable, checkWritableTarget, writeFileAtomic, writeReason } from '../../src/files/write.js';

const tmp = mkdtempSync(join(tmpdir(), 'thaw-write-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const fresh = (): string => mkdtempSync(join(tmp, 'case-'));

describe('writeReason', () => {
  it.each([
    ['ENOSPC', 'no space left on the device (ENOSPC)'], ['EDQUOT', 'the disk quota is exhausted (EDQUOT)'],
    ['EACCES', 'permission denied (EACCES)'], ['EPERM', 'permission denied (EPERM)'],
    ['EROFS', 'the file system is read-only (EROFS)'], ['EISDIR', 'it is a directory (EISDIR)'],
    ['ENOTDIR', 'a folder on its path is a file (ENOTDIR)'], ['ENOENT', 'its folder does not exist (ENOENT)'],
    ['EEXIST', 'it already exists (EEXIST)'], ['EIO', 'an input/output error (EIO)'], ['EFBIG', 'the file would be too large (EFBIG)'],
  ])('%s reads as "%s"', (code, words) => expect(writeReason(Object.assign(new Error('raw'), { code }))).toBe(words));

  it('a rarer code, or none, gives the system\'s own message', () => {
    expect(writeReason(Object.assign(new Error('ELOOP: too many links'), { code: 'ELOOP' }))).toBe('ELOOP: too many links');
    expect(writeReason(new Error('plain failure'))).toBe('plain failure');
    expect(writeReason(Object.assign(new Error('proto'), { code: 'toString' }))).toBe('proto');
  });
});

describe('checkWritableTarget and checkWritable', () => {
  it('a directory is refused with an example file inside it', () => {
    const dir = fresh();
    expect(() => checkWritableTarget(dir, '--out')).toThrow(`--out ${dir} is a directory; give a file name, e.g. ${join(dir, 'out.jsonl')}`);
    expect(() => checkWritable(dir, '--csv', 'runs.csv')).toThrow(`--csv ${dir} is a directory; give a file name, e.g. ${join(dir, 'runs.csv')}`);
  });

  it('a path that does not exist yet, or an existing file, is fine and nothing is left behind', () => {
    const dir = fresh();
    expect(() => checkWritableTarget(join(dir, 'new.json'), '--out')).not.toThrow();
    writeFileSync(join(dir, 'old.json'), 'old');
    expect(() => checkWritable(join(dir, 'old.json'), '--out')).not.toThrow();
    expect(() => checkWritable(join(dir, 'new.json'), '--out')).not.toThrow();
    expect(readdirSync(dir)).toEqual(['old.json']);
    expect(readFileSync(join(dir, 'old.json'), 'utf8')).toBe('old');
  });

  it('a missing folder is named, with what to do', () => {
    const target = join(fresh(), 'no', 'out.json');
    expect(() => checkWritable(target, '--out')).toThrow(`--out ${target}: the folder ${join(target, '..')} does not exist; create it first or choose another path`);
  });

  it('a file where the folder should be is named', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file'), 'x');
    const target = join(dir, 'file', 'out.json');
    expect(() => checkWritable(target, '--out')).toThrow(`--out ${target}: ${join(dir, 'file')} is not a folder`);
  });

  it.skipIf(process.platform !== 'linux')('a folder that cannot be written (even by root) is refused before any work', () => {
    expect(() => checkWritable('/proc/thaw-out.json', '--out')).toThrow(/^--out \/proc\/thaw-out\.json: the folder cannot be written: .+; choose another path$/);
  });

  it('thrown refusals are user errors (exit 2), not bugs', () => {
    try {
      checkWritableTarget(tmp, '--out');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).name).toBe('UserError');
    }
  });
});

describe('writeFileAtomic', () => {
  it('writes the whole text and leaves no temporary file', () => {
    const dir = fresh();
    const target = join(dir, 'result.json');
    writeFileAtomic(target, '{"a": 1}\n');
    expect(readFileSync(target, 'utf8')).toBe('{"a": 1}\n');
    expect(readdirSync(dir)).toEqual(['result.json']);
  });

  it('replaces an old file whole', () => {
    const dir = fresh();
    const target = join(dir, 'result.json');
    writeFileSync(target, 'x'.repeat(10_000));
    writeFileAtomic(target, 'short');
    expect(readFileSync(target, 'utf8')).toBe('short');
    expect(readdirSync(dir)).toEqual(['result.json']);
  });

  it('refuses a directory as the target, naming the flag, and leaves it as it was', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'out'));
    expect(() => writeFileAtomic(join(dir, 'out'), 'text', '--out')).toThrow(/^--out .*\/out is a directory/);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('names the output generically when no flag is given', () => {
    const target = join(fresh(), 'missing', 'x.json');
    expect(() => writeFileAtomic(target, 'text')).toThrow(`output ${target}: the folder`);
  });
});
