/** `--vary PATH=FROM..TO[:STEP]`: the values a one-parameter sensitivity study sweeps. */
import { UserError } from '../scenario/errors.js';

export interface VarySpec {
  readonly path: string;
  readonly values: readonly number[];
  /** The text as given, for reports and errors. */
  readonly text: string;
}

/** More values than this is a typo in STEP, not a study. */
export const MAX_VARY_VALUES = 101;
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

const decimals = (text: string): number => {
  const m = /\.(\d+)/.exec(text);
  return m ? m[1]!.length : 0;
};

export function parseVary(text: string): VarySpec {
  const usage = 'expected PATH=FROM..TO or PATH=FROM..TO:STEP (e.g. agents.us.visitChance=0.2..0.8:0.1)';
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UserError(`--vary "${text}": ${usage}`);
  const path = text.slice(0, eq).trim();
  const range = text.slice(eq + 1).trim();
  const dots = range.indexOf('..');
  const rest = dots >= 0 ? range.slice(dots + 2).split(':') : [];
  if (dots <= 0 || rest.length > 2 || rest[0] === '') throw new UserError(`--vary "${text}": malformed range "${range}"; ${usage}`);
  const fromText = range.slice(0, dots);
  const toText = rest[0]!;
  const stepText = rest[1];
  for (const t of [fromText, toText, ...(stepText !== undefined ? [stepText] : [])]) {
    if (!NUMBER.test(t.trim())) throw new UserError(`--vary "${text}": "${t}" is not a number; ${usage}`);
  }
  const from = Number(fromText);
  const to = Number(toText);
  if (from > to) throw new UserError(`--vary "${text}": FROM (${from}) must not be above TO (${to})`);
  const integers = Number.isInteger(from) && Number.isInteger(to) && stepText === undefined;
  const step = stepText !== undefined ? Number(stepText) : integers ? 1 : (to - from) / 4;
  if (!(step > 0) && from !== to) throw new UserError(`--vary "${text}": STEP must be above 0, got ${stepText ?? step}`);
  const count = from === to ? 1 : Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_VARY_VALUES) throw new UserError(`--vary "${text}": ${count} values; at most ${MAX_VARY_VALUES} (choose a larger STEP)`);
  // Round to the inputs' precision so that 0.1 steps give 0.3, not 0.30000000000000004.
  const places = Math.min(12, Math.max(decimals(fromText), decimals(toText), decimals(stepText ?? ''), stepText === undefined && !integers ? 6 : 0));
  const values: number[] = [];
  for (let k = 0; k < count; k++) values.push(Number((from + k * step).toFixed(places)));
  return { path, values, text };
}
