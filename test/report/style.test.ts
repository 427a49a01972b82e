import { afterEach, describe, expect, it } from 'vitest';
import { styleFor } from '../../src/report/style.js';

const stream = (isTTY: boolean) => ({ isTTY }) as unknown as NodeJS.WriteStream;
const saved = { NO_COLOR: process.env.NO_COLOR, TERM: process.env.TERM };

afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('colour', () => {
  it('colours a terminal', () => {
    delete process.env.NO_COLOR;
    process.env.TERM = 'xterm';
    expect(styleFor(stream(true)).green('ok')).toMatch(/\u001b\[\d+m/);
  });
  it('stays plain when piped, with NO_COLOR, or on a dumb terminal', () => {
    delete process.env.NO_COLOR;
    process.env.TERM = 'xterm';
    expect(styleFor(stream(false)).green('ok')).toBe('ok');
    process.env.NO_COLOR = '';
    expect(styleFor(stream(true)).green('ok')).toBe('ok');
    delete process.env.NO_COLOR;
    process.env.TERM = 'dumb';
    expect(styleFor(stream(true)).bold('ok')).toBe('ok');
  });
});
