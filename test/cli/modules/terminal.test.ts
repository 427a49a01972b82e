/**
 * src/cli/terminal.ts: colour, drawing and width decisions as the user meets them (NO_COLOR,
 * FORCE_COLOR, TERM=dumb, a pipe, a narrow or huge terminal), and the --quiet / --no-progress flags.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PIPED_WIDTH, canDraw, colourWanted, isQuiet, progressAllowed, setSessionFlags, widthOf } from '../../../src/cli/terminal.js';

const tty = { isTTY: true, columns: 100 };
const pipe = { isTTY: false };

describe('colourWanted', () => {
  it.each([
    ['a terminal', tty, {}, true],
    ['a pipe', pipe, {}, false],
    ['a stream that does not say', {}, {}, false],
    ['TERM=dumb', tty, { TERM: 'dumb' }, false],
    ['TERM=xterm', tty, { TERM: 'xterm-256color' }, true],
    ['NO_COLOR=1', tty, { NO_COLOR: '1' }, false],
    ['an empty NO_COLOR (ignored, as no-color.org says)', tty, { NO_COLOR: '' }, true],
    ['FORCE_COLOR=1 on a pipe', pipe, { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=2 on a pipe', pipe, { FORCE_COLOR: '2' }, true],
    ['FORCE_COLOR=3 on a pipe', pipe, { FORCE_COLOR: '3' }, true],
    ['FORCE_COLOR=true on a pipe', pipe, { FORCE_COLOR: 'true' }, true],
    ['FORCE_COLOR= (empty) on a pipe', pipe, { FORCE_COLOR: '' }, true],
    ['FORCE_COLOR=" TRUE " on a pipe', pipe, { FORCE_COLOR: ' TRUE ' }, true],
    ['FORCE_COLOR=1 over NO_COLOR=1', pipe, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    ['FORCE_COLOR=1 over TERM=dumb', pipe, { FORCE_COLOR: '1', TERM: 'dumb' }, true],
    ['FORCE_COLOR=0 on a terminal', tty, { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR=false on a terminal', tty, { FORCE_COLOR: 'false' }, false],
    ['FORCE_COLOR=4 (unreadable: left to the terminal)', tty, { FORCE_COLOR: '4' }, true],
    ['FORCE_COLOR=4 on a pipe', pipe, { FORCE_COLOR: '4' }, false],
    ['FORCE_COLOR=yes with NO_COLOR=1', tty, { FORCE_COLOR: 'yes', NO_COLOR: '1' }, false],
  ])('%s', (_what, stream, env, wanted) => expect(colourWanted(stream, env)).toBe(wanted));
});

describe('canDraw (progress bars, a hidden cursor)', () => {
  it('only on a terminal that is not TERM=dumb, whatever FORCE_COLOR says', () => {
    expect(canDraw(tty, {})).toBe(true);
    expect(canDraw(tty, { TERM: 'dumb' })).toBe(false);
    expect(canDraw(pipe, { FORCE_COLOR: '1' })).toBe(false);
    expect(canDraw({}, {})).toBe(false);
  });
});

describe('widthOf', () => {
  it.each([
    [pipe, PIPED_WIDTH], [{ isTTY: false, columns: 150 }, 80], [{ isTTY: true }, 80], [{ isTTY: true, columns: 0 }, 80],
    [{ isTTY: true, columns: 19 }, 80], [{ isTTY: true, columns: 20 }, 20], [{ isTTY: true, columns: 120 }, 120],
    [{ isTTY: true, columns: 200 }, 200], [{ isTTY: true, columns: 271 }, 200],
  ])('%o wraps at %d', (stream, width) => expect(widthOf(stream)).toBe(width));
  it('80 when piped', () => expect(PIPED_WIDTH).toBe(80));
});

describe('--quiet and --no-progress', () => {
  afterEach(() => setSessionFlags({}));
  it('by default: not quiet, progress shown', () => {
    setSessionFlags({});
    expect([isQuiet(), progressAllowed()]).toEqual([false, true]);
  });
  it('--quiet also hides progress', () => {
    setSessionFlags({ quiet: true, progress: true });
    expect([isQuiet(), progressAllowed()]).toEqual([true, false]);
  });
  it('--no-progress hides progress only', () => {
    setSessionFlags({ progress: false });
    expect([isQuiet(), progressAllowed()]).toEqual([false, false]);
  });
  it('flags are set afresh each time', () => {
    setSessionFlags({ quiet: true });
    setSessionFlags({ quiet: false });
    expect([isQuiet(), progressAllowed()]).toEqual([false, true]);
  });
});
