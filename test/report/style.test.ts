import { describe, expect, it } from 'vitest';
import { styleFor } from '../../src/report/style.js';
import { canDraw, colourWanted, widthOf } from '../../src/cli/terminal.js';

const tty = { isTTY: true, columns: 120 };
const pipe = { isTTY: false };
const ESC = /\u001b\[\d+m/;

describe('colour (NO_COLOR, FORCE_COLOR, TERM=dumb)', () => {
  it('colours a terminal', () => {
    expect(styleFor(tty, { TERM: 'xterm' }).green('ok')).toMatch(ESC);
  });
  it('stays plain when piped, with a non-empty NO_COLOR, or on a dumb terminal', () => {
    expect(styleFor(pipe, { TERM: 'xterm' }).green('ok')).toBe('ok');
    expect(styleFor(tty, { TERM: 'xterm', NO_COLOR: '1' }).green('ok')).toBe('ok');
    expect(styleFor(tty, { TERM: 'dumb' }).bold('ok')).toBe('ok');
  });
  it('ignores an empty NO_COLOR, as no-color.org says (changed: it used to turn colour off)', () => {
    expect(colourWanted(tty, { TERM: 'xterm', NO_COLOR: '' })).toBe(true);
  });
  it('FORCE_COLOR 1–3, true or empty forces colour even when piped; 0 and false turn it off', () => {
    for (const v of ['1', '2', '3', 'true', '']) expect(colourWanted(pipe, { FORCE_COLOR: v }), v).toBe(true);
    for (const v of ['0', 'false']) expect(colourWanted(tty, { TERM: 'xterm', FORCE_COLOR: v }), v).toBe(false);
    expect(colourWanted(pipe, { FORCE_COLOR: 'banana' })).toBe(false);
    expect(colourWanted(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
  });
});

describe('drawing and width', () => {
  it('draws only on a capable terminal', () => {
    expect(canDraw(tty, { TERM: 'xterm' })).toBe(true);
    expect(canDraw(tty, { TERM: 'dumb' })).toBe(false);
    expect(canDraw(pipe, { TERM: 'xterm' })).toBe(false);
  });
  it('wraps at the terminal width, or 80 when piped', () => {
    expect(widthOf(tty)).toBe(120);
    expect(widthOf(pipe)).toBe(80);
    expect(widthOf({ isTTY: true, columns: 5 })).toBe(80);
  });
});
