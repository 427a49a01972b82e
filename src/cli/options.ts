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

/** `--shard auto`: the shard comes from the array job's environment. */
export const AUTO_SHARD = 'auto' as const;

/** `--shard I/N` or `--shard auto`. */
export function parseShardOrAuto(text: string): { index: number; count: number } | typeof AUTO_SHARD {
  return text.trim() === AUTO_SHARD ? AUTO_SHARD : parseShard(text);
}

/** The environment variable that gives a Kubernetes Indexed Job's shard count when --shards is not given. */
export const SHARDS_ENV = 'THAW_SHARDS';

const envInt = (env: NodeJS.ProcessEnv, name: string): number | null => {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return null;
  if (!/^\d+$/.test(raw.trim())) throw new UserError(`--shard auto: ${name}="${raw}" is not a whole number`);
  return Number(raw);
};

/**
 * The shard of this process in an array job: Slurm (`SLURM_ARRAY_TASK_ID` from
 * `SLURM_ARRAY_TASK_MIN`, `SLURM_ARRAY_TASK_COUNT` tasks) or a Kubernetes Indexed Job
 * (`JOB_COMPLETION_INDEX` from 0; the count from --shards N or THAW_SHARDS).
 */
export function resolveShard(flag: { index: number; count: number } | typeof AUTO_SHARD | undefined, shards: number | undefined, env: NodeJS.ProcessEnv = process.env): { index: number; count: number } | null {
  if (flag === undefined) {
    if (shards !== undefined) throw new UserError('--shards N goes with --shard auto (a Kubernetes Indexed Job); with --shard I/N the count is N');
    return null;
  }
  if (flag !== AUTO_SHARD) return flag;
  const slurm = envInt(env, 'SLURM_ARRAY_TASK_ID');
  if (slurm !== null) {
    const min = envInt(env, 'SLURM_ARRAY_TASK_MIN') ?? 0;
    const count = envInt(env, 'SLURM_ARRAY_TASK_COUNT');
    if (count === null || count < 1) throw new UserError('--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; run under `sbatch --array` (see docs/cluster.md)');
    const index = slurm - min;
    if (index < 0 || index >= count) throw new UserError(`--shard auto: Slurm task ${slurm} is outside the array ${min}..${min + count - 1} (SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT); use a contiguous --array range`);
    return { index: index + 1, count };
  }
  const k8s = envInt(env, 'JOB_COMPLETION_INDEX');
  if (k8s !== null) {
    const count = shards ?? envInt(env, SHARDS_ENV);
    if (count === null || count < 1) throw new UserError(`--shard auto: JOB_COMPLETION_INDEX is set; give the shard count with --shards N or ${SHARDS_ENV} (the Job's completions)`);
    if (k8s >= count) throw new UserError(`--shard auto: JOB_COMPLETION_INDEX ${k8s} is not below the shard count ${count}`);
    return { index: k8s + 1, count };
  }
  throw new UserError(`--shard auto needs an array job: neither SLURM_ARRAY_TASK_ID (Slurm) nor JOB_COMPLETION_INDEX (Kubernetes Indexed Job) is set; outside one, use --shard I/N (see docs/cluster.md)`);
}
