/** Parsing of CLI values: each parser names what it accepts when it refuses. */
import { InvalidArgumentError } from 'commander';
import { LAST_MONTH, monthIndex } from '../world/month.js';
import { UserError } from '../scenario/errors.js';
import type { Scenario } from '../scenario/schema.js';

export function parseIntIn(name: string, min: number, max: number) {
  return (text: string): number => {
    if (!/^\d+$/.test(text.trim())) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
    return n;
  };
}

export function parseChoice<T extends string>(name: string, choices: readonly T[]) {
  return (text: string): T => {
    if (!(choices as readonly string[]).includes(text)) throw new InvalidArgumentError(`${name} must be one of ${choices.join(', ')}, got "${text}"`);
    return text as T;
  };
}

/** `--shard I/N`: the I-th of N interleaved parts of a study (1 ≤ I ≤ N). */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const usage = `--shard expects I/N with 1 ≤ I ≤ N (e.g. 2/4), got "${text}"`;
  if (!m) throw new InvalidArgumentError(usage);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count || count > 1_000_000) throw new InvalidArgumentError(usage);
  return { index, count };
}

/** For repeatable options: each use adds its parsed value to the list. */
export function collect<T>(parse: (text: string) => T) {
  return (text: string, previous: T[] = []): T[] => [...previous, parse(text)];
}

/**
 * A run may not pass the last month thaw can name: neither with `--months`, nor with a start or
 * horizon changed by `--set` (a file's own start and horizon are checked when it is loaded).
 */
export function checkMonths(scenario: Scenario, months: number | undefined): void {
  const room = monthIndex(LAST_MONTH) - monthIndex(scenario.start);
  if (room < 1) throw new UserError(`the run starts after ${scenario.start}, but ${LAST_MONTH} is the last month thaw can name; choose an earlier start`);
  if (months === undefined) {
    if (scenario.horizon > room) {
      throw new UserError(`${scenario.horizon} months from ${scenario.start} run past ${LAST_MONTH}, the last month thaw can name; use --months ${room} or fewer, or an earlier start`);
    }
    return;
  }
  if (months > room) {
    throw new UserError(`--months ${months} from ${scenario.start} runs past ${LAST_MONTH}, the last month thaw can name; use --months ${room} or fewer`);
  }
}
