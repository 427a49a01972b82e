/** Colour only for people: on a TTY, and never when NO_COLOR is set or output is piped. */
import pc from 'picocolors';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

const plainStyle: Style = { bold: (s) => s, dim: (s) => s, green: (s) => s, red: (s) => s, yellow: (s) => s, cyan: (s) => s };

export function styleFor(stream: NodeJS.WriteStream): Style {
  const colour = stream.isTTY === true && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
  if (!colour) return plainStyle;
  const c = pc.createColors(true);
  return { bold: c.bold, dim: c.dim, green: c.green, red: c.red, yellow: c.yellow, cyan: c.cyan };
}

export const plain = plainStyle;
