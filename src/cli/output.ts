/**
 * Standard output and standard error may fail under thaw: the reader of a pipe goes away
 * (`thaw run --format json | head`), the disk fills (`> /dev/full`). Either ends the command at
 * once, quietly, with a documented exit code, never with Node's stack trace:
 * - a closed pipe (EPIPE) exits 141, as a shell reports a program ended by SIGPIPE, with no message
 *   (the reader has stopped listening on purpose);
 * - any other failure to write (ENOSPC, EIO, EACCES…) exits 2 with one line on stderr, if stderr
 *   can still take it.
 * Also restores the cursor when the user interrupts (SIGINT, SIGTERM) while a progress bar hid it.
 */
export const EXIT = { ok: 0, internal: 1, user: 2, closedPipe: 141 } as const;

export const SHOW_CURSOR = '\u001b[?25h';

let installed = false;
let cursorHidden = false;

/** Progress bars call this when they hide the cursor, and again when they show it. */
export function noteCursorHidden(hidden: boolean): void {
  cursorHidden = hidden;
}

const describe = (error: NodeJS.ErrnoException): string => {
  const what: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EIO: 'an input/output error',
    EACCES: 'permission denied',
    EBADF: 'the stream is closed',
  };
  return error.code && Object.hasOwn(what, error.code) ? `${what[error.code]} (${error.code})` : error.message;
};

export function guardOutputStreams(proc: NodeJS.Process = process): void {
  if (installed) return;
  installed = true;
  const onError = (name: string) => (error: NodeJS.ErrnoException): void => {
    if (error.code === 'EPIPE') proc.exit(EXIT.closedPipe);
    if (name !== 'standard error') {
      try { proc.stderr.write(`thaw: cannot write to ${name}: ${describe(error)}\n`); } catch { /* stderr is gone too */ }
    }
    proc.exit(EXIT.user);
  };
  proc.stdout.on('error', onError('standard output'));
  proc.stderr.on('error', onError('standard error'));
  const interrupted = (signal: NodeJS.Signals, code: number) => (): void => {
    if (cursorHidden && proc.stderr.isTTY) {
      try { proc.stderr.write(`${SHOW_CURSOR}\n`); } catch { /* nothing left to restore it on */ }
    }
    try { proc.stderr.write(`thaw: interrupted (${signal})\n`); } catch { /* stderr is gone: the exit code still says it */ }
    proc.exit(code);
  };
  proc.once('SIGINT', interrupted('SIGINT', 130));
  proc.once('SIGTERM', interrupted('SIGTERM', 143));
}
