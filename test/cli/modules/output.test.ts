/**
 * src/cli/output.ts on a stand-in process: a closed pipe ends quietly with 141, a full disk with
 * 2 and one line, an error on stderr itself with 2 and no line, and Ctrl-C / SIGTERM restore a
 * cursor a progress bar hid (on a terminal only) and exit 130 / 143.
 */
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

class Exited extends Error {
  constructor(readonly code: number) { super(`exit ${code}`); }
}

interface FakeStream extends EventEmitter { isTTY: boolean; written: string[]; write: (s: string) => boolean; failWrites: boolean }

function fakeProcess(stderrTTY = true) {
  const stream = (isTTY: boolean): FakeStream => {
    const s = new EventEmitter() as FakeStream;
    s.isTTY = isTTY;
    s.written = [];
    s.failWrites = false;
    s.write = (text: string) => {
      if (s.failWrites) throw new Error('EPIPE');
      s.written.push(text);
      return true;
    };
    return s;
  };
  const proc = new EventEmitter() as EventEmitter & { stdout: FakeStream; stderr: FakeStream; exit: (code: number) => never; codes: number[] };
  proc.stdout = stream(false);
  proc.stderr = stream(stderrTTY);
  proc.codes = [];
  proc.exit = (code: number) => {
    proc.codes.push(code);
    throw new Exited(code);
  };
  return proc;
}

type Output = typeof import('../../../src/cli/output.js');
let output: Output;
beforeEach(async () => {
  vi.resetModules();
  output = await import('../../../src/cli/output.js');
});

const errno = (code: string, message = `${code}: simulated`) => Object.assign(new Error(message), { code });
const fire = (emitter: EventEmitter, event: string, ...args: unknown[]): number | null => {
  try {
    emitter.emit(event, ...args);
    return null;
  } catch (error) {
    if (error instanceof Exited) return error.code;
    throw error;
  }
};

describe('guardOutputStreams', () => {
  it('the documented codes', () => expect(output.EXIT).toEqual({ ok: 0, internal: 1, user: 2, closedPipe: 141 }));

  it('a closed pipe on stdout exits 141 and prints nothing', () => {
    const proc = fakeProcess();
    output.guardOutputStreams(proc as unknown as NodeJS.Process);
    expect(fire(proc.stdout, 'error', errno('EPIPE'))).toBe(141);
    expect(proc.stderr.written).toEqual([]);
  });

  it.each([
    ['ENOSPC', 'no space left on the device (ENOSPC)'], ['EIO', 'an input/output error (EIO)'],
    ['EACCES', 'permission denied (EACCES)'], ['EBADF', 'the stream is closed (EBADF)'], ['ECONNRESET', 'ECONNRESET: simulated'],
    ['constructor', 'constructor: simulated'],
  ])('%s on stdout exits 2 with one line saying so', (code, words) => {
    const proc = fakeProcess();
    output.guardOutputStreams(proc as unknown as NodeJS.Process);
    expect(fire(proc.stdout, 'error', errno(code))).toBe(2);
    expect(proc.stderr.written).toEqual([`thaw: cannot write to standard output: ${words}\n`]);
  });

  it('a failure on stderr itself exits (141 for a closed pipe, else 2) without writing to it', () => {
    const proc = fakeProcess();
    output.guardOutputStreams(proc as unknown as NodeJS.Process);
    expect(fire(proc.stderr, 'error', errno('ENOSPC'))).toBe(2);
    expect(fire(proc.stderr, 'error', errno('EPIPE'))).toBe(141);
    expect(proc.stderr.written).toEqual([]);
  });

  it('still exits 2 when stderr cannot take the line either', () => {
    const proc = fakeProcess();
    output.guardOutputStreams(proc as unknown as NodeJS.Process);
    proc.stderr.failWrites = true;
    expect(fire(proc.stdout, 'error', errno('ENOSPC'))).toBe(2);
  });

  it('installs once: a second call adds no listeners', () => {
    const proc = fakeProcess();
    output.guardOutputStreams(proc as unknown as NodeJS.Process);
    output.guardOutputStreams(proc as unknown as NodeJS.Process);
    expect(proc.stdout.listenerCount('error')).toBe(1);
    expect(proc.stderr.listenerCount('error')).toBe(1);
    expect(proc.listenerCount('SIGINT')).toBe(1);
    expect(proc.listenerCount('SIGTERM')).toBe(1);
  });
});

describe('interrupts', () => {
  it('Ctrl-C while a progress bar hid the cursor shows it again, says so and exits 130', () => {
    const proc = fakeProcess(true);
    output.guardOutputStreams(proc as unknown as NodeJS.Process);
    output.noteCursorHidden(true);
    expect(fire(proc, 'SIGINT')).toBe(130);
    expect(proc.stderr.written).toEqual([`${output.SHOW_CURSOR}\n`, 'thaw: interrupted (SIGINT)\n']);
    expect(output.SHOW_CURSOR).toBe('\u001b[?25h');
  });

  it('SIGTERM exits 143; with the cursor shown again by the bar, nothing is restored', () => {
    const proc = fakeProcess(true);
    output.guardOutputStreams(proc as unknown as NodeJS.Process);
    output.noteCursorHidden(true);
    output.noteCursorHidden(false);
    expect(fire(proc, 'SIGTERM')).toBe(143);
    expect(proc.stderr.written).toEqual(['thaw: interrupted (SIGTERM)\n']);
  });

  it('no cursor escape when stderr is not a terminal', () => {
    const proc = fakeProcess(false);
    output.guardOutputStreams(proc as unknown as NodeJS.Process);
    output.noteCursorHidden(true);
    expect(fire(proc, 'SIGINT')).toBe(130);
    expect(proc.stderr.written).toEqual(['thaw: interrupted (SIGINT)\n']);
  });

  it('handles each signal once (a second Ctrl-C is left to the default: end at once)', () => {
    const proc = fakeProcess(false);
    output.guardOutputStreams(proc as unknown as NodeJS.Process);
    expect(fire(proc, 'SIGINT')).toBe(130);
    expect(proc.listenerCount('SIGINT')).toBe(0);
    expect(proc.listenerCount('SIGTERM')).toBe(1);
  });
});
