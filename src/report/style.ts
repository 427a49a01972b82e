/** Colours for people; whether to use them is the CLI's decision (src/cli/terminal.ts). */
import pc from 'picocolors';
import { colourWanted, type Env, type StreamLike } from '../cli/terminal.js';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

const plainStyle: Style = { bold: (s) => s, dim: (s) => s, green: (s) => s, red: (s) => s, yellow: (s) => s, cyan: (s) => s };

export function colourStyle(): Style {
  const c = pc.createColors(true);
  return { bold: c.bold, dim: c.dim, green: c.green, red: c.red, yellow: c.yellow, cyan: c.cyan };
}

export const styleOf = (colour: boolean): Style => (colour ? colourStyle() : plainStyle);

export const plain = plainStyle;

/** The colours `stream` should get under the CLI's conventions (see src/cli/terminal.ts). */
export const styleFor = (stream: StreamLike, env: Env = process.env): Style => styleOf(colourWanted(stream, env));
