/**
 * What the terminal allows, decided once from the stream and the environment, so that every
 * command follows the same conventions:
 * - colour: `NO_COLOR` with a non-empty value turns it off (an empty value is ignored, as
 *   no-color.org says); `FORCE_COLOR` 1, 2, 3, `true` or empty turns it on even when piped, 0 or
 *   `false` turns it off (force-color.org); otherwise only a terminal that is not `TERM=dumb`;
 * - progress bars and cursor movement: only on a terminal that is not `TERM=dumb`, never with
 *   `--quiet` or `--no-progress`;
 * - width: the terminal's columns, or 80 when the output is not a terminal.
 */
export interface StreamLike {
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** `FORCE_COLOR`'s verdict: true (force on), false (force off) or null (not set or unreadable). */
function forced(env: Env): boolean | null {
  const value = env.FORCE_COLOR;
  if (value === undefined) return null;
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'true' || v === '1' || v === '2' || v === '3') return true;
  if (v === '0' || v === 'false') return false;
  return null;
}

export function colourWanted(stream: StreamLike, env: Env = process.env): boolean {
  const force = forced(env);
  if (force !== null) return force;
  if ((env.NO_COLOR ?? '') !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** Drawing on the terminal (progress bars, a hidden cursor): a real, capable terminal only. */
export function canDraw(stream: StreamLike, env: Env = process.env): boolean {
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export const PIPED_WIDTH = 80;

/** Columns to wrap text at: the terminal's, within reason, or 80 when piped. */
export function widthOf(stream: StreamLike): number {
  if (stream.isTTY !== true || !stream.columns || stream.columns < 20) return PIPED_WIDTH;
  return Math.min(stream.columns, 200);
}

/** The global `--quiet` and `--no-progress` flags, set once before a command runs. */
const session = { quiet: false, progress: true };

export function setSessionFlags(flags: { quiet?: boolean; progress?: boolean }): void {
  session.quiet = flags.quiet === true;
  session.progress = flags.progress !== false && !session.quiet;
}

export const progressAllowed = (): boolean => session.progress;
export const isQuiet = (): boolean => session.quiet;
