/** Word-wrapping for text output: lines no wider than `width` columns, continuation lines indented. */
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
const ANSI_AT = /^\u001b\[[0-9;?]*[A-Za-z]/;

/** Length as the terminal shows it: colour codes take no room. */
export const visibleLength = (s: string): number => s.replace(ANSI, '').length;

/**
 * Breaks one line at spaces so that each piece fits in `width` visible columns; later pieces
 * start with `indent`. Spacing inside a piece is kept (aligned columns stay aligned), colour codes
 * take no room, and a word longer than the width is left whole rather than cut.
 */
export function wrapLine(line: string, width: number, indent = ''): string[] {
  const out: string[] = [];
  let rest = line;
  while (visibleLength(rest) > width) {
    const lead = /^ */.exec(rest)![0].length;
    let visible = 0;
    let lastSpace = -1;
    for (let i = 0; i < rest.length && visible <= width; i++) {
      const code = rest[i] === '\u001b' ? ANSI_AT.exec(rest.slice(i)) : null;
      if (code) { i += code[0].length - 1; continue; }
      if (rest[i] === ' ' && i > lead) lastSpace = i;
      visible++;
    }
    if (lastSpace < 0) break;
    out.push(rest.slice(0, lastSpace).trimEnd());
    rest = `${indent}${rest.slice(lastSpace + 1).trimStart()}`;
  }
  out.push(rest);
  return out;
}

/** A paragraph of words (any spacing) wrapped at `width`, continuation lines indented. */
export const wrap = (text: string, width: number, indent = ''): string[] =>
  wrapLine(text.split(/\s+/).filter((w) => w !== '').join(' '), width, indent);
