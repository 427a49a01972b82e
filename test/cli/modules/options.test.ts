/** src/cli/options.ts: each value parser accepts what it says and names what it accepts when it refuses. */
import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { AUTO_SHARD, SHARDS_ENV, checkMonths, collect, parseChoice, parseIntIn, parseShard, parseShardOrAuto, resolveShard } from '../../../src/cli/options.js';
import type { Scenario } from '../../../src/scenario/schema.js';

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  return 'accepted';
};

describe('parseIntIn', () => {
  const runs = parseIntIn('--runs', 1, 1000);
  it('accepts whole numbers in range, ends included, spaces around', () => {
    expect([runs('1'), runs('1000'), runs(' 42 '), runs('007')]).toEqual([1, 1000, 42, 7]);
  });
  it.each(['0', '1001', '-1', '1.5', '1e3', '0x10', '', 'ten', '99999999999999999999'])('refuses "%s"', (text) => {
    expect(() => runs(text)).toThrow(InvalidArgumentError);
    expect(() => runs(text)).toThrow(`--runs must be a whole number from 1 to 1000, got "${text}"`);
  });
  it('refuses a number beyond safe integers even when the range allows it', () => {
    expect(() => parseIntIn('--seed', 0, Number.MAX_VALUE)('9007199254740993')).toThrow('--seed must be a whole number');
    expect(parseIntIn('--seed', 0, Number.MAX_VALUE)('9007199254740991')).toBe(9007199254740991);
  });
});

describe('parseChoice and collect', () => {
  it('parseChoice accepts only its choices, exactly', () => {
    const p = parseChoice('--metric', ['released', 'held'] as const);
    expect(p('held')).toBe('held');
    expect(() => p('Held')).toThrow('--metric must be one of released, held, got "Held"');
    expect(() => p('')).toThrow(InvalidArgumentError);
  });
  it('collect gathers repeated uses in order', () => {
    const c = collect((t: string) => t.toUpperCase());
    expect(c('b', c('a'))).toEqual(['A', 'B']);
    expect(c('a')).toEqual(['A']);
  });
});

describe('parseShard and parseShardOrAuto', () => {
  it.each([['1/1', 1, 1], ['2/4', 2, 4], [' 3 / 4 ', 3, 4], ['4/4', 4, 4], ['1/1000000', 1, 1_000_000]])('"%s" is shard %d of %d', (text, index, count) => {
    expect(parseShard(text)).toEqual({ index, count });
  });
  it.each(['0/4', '5/4', '1/0', '1/1000001', '2', '1/2/3', 'a/b', '-1/4', '1.5/4', ''])('refuses "%s"', (text) => {
    expect(() => parseShard(text)).toThrow(`--shard expects I/N with 1 ≤ I ≤ N (e.g. 2/4), got "${text}"`);
  });
  it('auto, with spaces, is auto; anything else is read as I/N', () => {
    expect(parseShardOrAuto(' auto ')).toBe(AUTO_SHARD);
    expect(parseShardOrAuto('2/3')).toEqual({ index: 2, count: 3 });
    expect(() => parseShardOrAuto('Auto')).toThrow(InvalidArgumentError);
  });
});

describe('resolveShard', () => {
  it('no --shard: no shard, and --shards alone is refused', () => {
    expect(resolveShard(undefined, undefined, {})).toBeNull();
    expect(refusal(() => resolveShard(undefined, 4, {}))).toBe('UserError: --shards N goes with --shard auto (a Kubernetes Indexed Job); with --shard I/N the count is N');
  });
  it('--shard I/N is taken as given, whatever the environment', () => {
    expect(resolveShard({ index: 2, count: 3 }, undefined, { SLURM_ARRAY_TASK_ID: '7' })).toEqual({ index: 2, count: 3 });
  });
  it('Slurm: the task id from the array\'s minimum, one-based', () => {
    expect(resolveShard(AUTO_SHARD, undefined, { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ index: 1, count: 4 });
    expect(resolveShard(AUTO_SHARD, undefined, { SLURM_ARRAY_TASK_ID: '13', SLURM_ARRAY_TASK_MIN: '10', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ index: 4, count: 4 });
    expect(resolveShard(AUTO_SHARD, undefined, { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: ' ', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ index: 4, count: 4 });
  });
  it('Slurm: a missing count, or a task outside the array, is refused', () => {
    expect(refusal(() => resolveShard(AUTO_SHARD, undefined, { SLURM_ARRAY_TASK_ID: '1' }))).toMatch(/^UserError: --shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not/);
    expect(refusal(() => resolveShard(AUTO_SHARD, undefined, { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '0' }))).toMatch(/SLURM_ARRAY_TASK_COUNT is not/);
    expect(refusal(() => resolveShard(AUTO_SHARD, undefined, { SLURM_ARRAY_TASK_ID: '14', SLURM_ARRAY_TASK_MIN: '10', SLURM_ARRAY_TASK_COUNT: '4' }))).toBe('UserError: --shard auto: Slurm task 14 is outside the array 10..13 (SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT); use a contiguous --array range');
    expect(refusal(() => resolveShard(AUTO_SHARD, undefined, { SLURM_ARRAY_TASK_ID: '9', SLURM_ARRAY_TASK_MIN: '10', SLURM_ARRAY_TASK_COUNT: '4' }))).toMatch(/Slurm task 9 is outside/);
    expect(refusal(() => resolveShard(AUTO_SHARD, undefined, { SLURM_ARRAY_TASK_ID: 'x', SLURM_ARRAY_TASK_COUNT: '4' }))).toBe('UserError: --shard auto: SLURM_ARRAY_TASK_ID="x" is not a whole number');
  });
  it('Kubernetes: the completion index from 0, the count from --shards or THAW_SHARDS', () => {
    expect(SHARDS_ENV).toBe('THAW_SHARDS');
    expect(resolveShard(AUTO_SHARD, 5, { JOB_COMPLETION_INDEX: '0' })).toEqual({ index: 1, count: 5 });
    expect(resolveShard(AUTO_SHARD, undefined, { JOB_COMPLETION_INDEX: '4', THAW_SHARDS: '5' })).toEqual({ index: 5, count: 5 });
    expect(resolveShard(AUTO_SHARD, 3, { JOB_COMPLETION_INDEX: '2', THAW_SHARDS: '5' })).toEqual({ index: 3, count: 3 });
  });
  it('Kubernetes: no count, a zero count or an index at the count is refused', () => {
    expect(refusal(() => resolveShard(AUTO_SHARD, undefined, { JOB_COMPLETION_INDEX: '0' }))).toMatch(/^UserError: --shard auto: JOB_COMPLETION_INDEX is set; give the shard count with --shards N or THAW_SHARDS/);
    expect(refusal(() => resolveShard(AUTO_SHARD, 0, { JOB_COMPLETION_INDEX: '0' }))).toMatch(/give the shard count/);
    expect(refusal(() => resolveShard(AUTO_SHARD, 5, { JOB_COMPLETION_INDEX: '5' }))).toBe('UserError: --shard auto: JOB_COMPLETION_INDEX 5 is not below the shard count 5');
  });
  it('outside an array job, auto is refused with what to do', () => {
    expect(refusal(() => resolveShard(AUTO_SHARD, undefined, { SLURM_ARRAY_TASK_ID: '', JOB_COMPLETION_INDEX: ' ' }))).toMatch(/^UserError: --shard auto needs an array job: neither SLURM_ARRAY_TASK_ID/);
  });
});

describe('checkMonths', () => {
  const at = (start: string, horizon: number) => ({ start, horizon }) as unknown as Scenario;
  it('a run that ends by 9999-12 is fine, to the last month', () => {
    expect(() => checkMonths(at('2025-12', 12), undefined)).not.toThrow();
    expect(() => checkMonths(at('9999-06', 6), undefined)).not.toThrow();
    expect(() => checkMonths(at('9999-06', 60), 6)).not.toThrow();
  });
  it('a horizon or --months past 9999-12 is refused with the most that fits', () => {
    expect(refusal(() => checkMonths(at('9999-06', 7), undefined))).toBe('UserError: 7 months from 9999-06 run past 9999-12, the last month thaw can name; use --months 6 or fewer, or an earlier start');
    expect(refusal(() => checkMonths(at('9999-06', 1), 7))).toBe('UserError: --months 7 from 9999-06 runs past 9999-12, the last month thaw can name; use --months 6 or fewer');
  });
  it('a start at the last month leaves no room at all', () => {
    expect(refusal(() => checkMonths(at('9999-12', 1), 1))).toBe('UserError: the run starts after 9999-12, but 9999-12 is the last month thaw can name; choose an earlier start');
    expect(() => checkMonths(at('9999-11', 1), 1)).not.toThrow();
  });
});
