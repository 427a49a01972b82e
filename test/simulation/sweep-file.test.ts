/** Run files read line by line: the same rows as reading the whole file, across chunk boundaries, torn ends and damage. */
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunFile, scanRunFile, SweepWriter, type SweepHeader } from '../../src/simulation/sweep-file.js';
import { runSeed } from '../../src/simulation/seeds.js';
import { UserError } from '../../src/scenario/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'thaw-sweep-file-'));
let files = 0;
const path = () => join(dir, `f${files++}.jsonl`);
const header = (runs: number, extra: Partial<SweepHeader> = {}): SweepHeader => ({
  thaw: 'sweep', format: 1, scenario: 'base', branch: null, settings: [], seed: 5, runs, months: null, horizon: 12, shard: null,
  fingerprint: 'f', version: '0', metrics: [{ name: 'released', description: 'r' }], ...extra,
});
/** Lines long enough (a padding metric-free field) that a file spans several 1 MiB chunks. */
const runLine = (run: number, pad = 0) => `${JSON.stringify({ run, seed: runSeed(5, run), draws: pad ? { note: 'x'.repeat(pad) } : undefined, metrics: { released: run % 17 } })}\n`;
const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error('accepted');
};

describe('scanRunFile', () => {
  it('reads every run of a file larger than its chunks, lines cut across chunk ends, in file order', () => {
    const p = path();
    const runs = 3000;
    // ~1.3 KiB a line, odd lengths, so that newlines fall anywhere in the 1 MiB chunks.
    writeFileSync(p, `${JSON.stringify(header(runs))}\n${Array.from({ length: runs }, (_, i) => runLine((i * 7) % runs, 1000 + (i % 613))).join('')}`);
    expect(readFileSync(p).length).toBeGreaterThan(3 * 1024 * 1024);
    const seen: number[] = [];
    const scan = scanRunFile(p, (row, lineNo) => {
      expect(lineNo).toBe(seen.length + 2);
      seen.push(row.run);
    });
    expect(seen).toEqual(Array.from({ length: runs }, (_, i) => (i * 7) % runs));
    expect(scan).toMatchObject({ rows: runs, torn: false, completeBytes: readFileSync(p).length });
    expect(readRunFile(p).rows.map((r) => r.metrics.released)).toEqual(seen.map((r) => r % 17));
  });

  it('drops a torn last line and says where the whole lines end', () => {
    const p = path();
    const whole = `${JSON.stringify(header(10))}\n${runLine(0)}${runLine(1)}`;
    writeFileSync(p, `${whole}${runLine(2).slice(0, 20)}`);
    const scan = scanRunFile(p, () => {});
    expect(scan).toMatchObject({ rows: 2, torn: true, completeBytes: Buffer.byteLength(whole) });
  });

  it('takes a torn header alone as an empty, torn file, and refuses what is not a run file', () => {
    const p = path();
    writeFileSync(p, JSON.stringify(header(4)));
    expect(scanRunFile(p, () => {})).toMatchObject({ rows: 0, torn: true, completeBytes: 0 });
    const q = path();
    writeFileSync(q, '{"not":"a header"}\n');
    expect(refusal(() => scanRunFile(q, () => {}))).toMatch(/is not a thaw sweep file/);
    expect(refusal(() => scanRunFile(join(dir, 'missing.jsonl'), () => {}))).toMatch(/^sweep file not found: /);
    expect(refusal(() => scanRunFile(dir, () => {}))).toMatch(/is a directory/);
  });

  it('keeps every refusal: a run twice, outside the study, of another seed, a value of the wrong type, bad JSON', () => {
    const cases: [string, RegExp][] = [
      [runLine(1) + runLine(1), /:3: run 1 appears twice \(first on line 2\)/],
      [runLine(12), /:2: run 12 is outside the study's 10 runs/],
      [runLine(3).replace(/"seed":\d+/, '"seed":1'), /:2: run 3 has seed 1, but run 3 of a study with seed 5 has seed/],
      [runLine(3).replace(/"released":\d+/, '"released":"many"'), /:2: run 3: metric "released" is "many", expected a number or null/],
      ['{"run": 1,\n', /:2: not valid JSON/],
      [`${JSON.stringify({ run: 2, seed: runSeed(5, 2), metrics: { released: 1 }, series: 'months' })}\n`, /:2: run 2: "series" is not a list of months/],
    ];
    for (const [lines, message] of cases) {
      const p = path();
      writeFileSync(p, `${JSON.stringify(header(10))}\n${lines}`);
      expect(refusal(() => scanRunFile(p, () => {}))).toMatch(message);
    }
  });

  it('tells the header before any row, so a caller can refuse another study\'s file before taking its runs', () => {
    const p = path();
    writeFileSync(p, `${JSON.stringify(header(10))}\n${runLine(0)}`);
    const events: string[] = [];
    scanRunFile(p, (row) => events.push(`row ${row.run}`), (h) => events.push(`header ${h.runs}`));
    expect(events).toEqual(['header 10', 'row 0']);
  });

  it('drops the months of a --series line (nothing reads them back) but checks them', () => {
    const p = path();
    writeFileSync(p, `${JSON.stringify(header(10, { series: true }))}\n${JSON.stringify({ run: 4, seed: runSeed(5, 4), metrics: { released: 2 }, series: [{ step: 0 }] })}\n`);
    const [row] = readRunFile(p).rows;
    expect(row).toEqual({ run: 4, seed: runSeed(5, 4), metrics: { released: 2 } });
  });
});

describe('SweepWriter.resume', () => {
  it('repairs a torn file to its whole lines, then appends', () => {
    const p = path();
    const whole = `${JSON.stringify(header(10))}\n${runLine(0)}${runLine(1)}`;
    writeFileSync(p, `${whole}${runLine(2).slice(0, 25)}`);
    const writer = SweepWriter.resume(p, scanRunFile(p, () => {}));
    writer.write([{ run: 2, seed: runSeed(5, 2), metrics: { released: 2 } }]);
    writer.close();
    expect(readFileSync(p, 'utf8')).toBe(`${whole}${JSON.stringify({ run: 2, seed: runSeed(5, 2), metrics: { released: 2 } })}\n`);
    expect(readRunFile(p).rows.map((r) => r.run)).toEqual([0, 1, 2]);
  });

  it('writes the header again over a torn header', () => {
    const p = path();
    writeFileSync(p, JSON.stringify(header(3)).slice(0, -1));
    appendFileSync(p, '}');
    const writer = SweepWriter.resume(p, scanRunFile(p, () => {}));
    writer.close();
    expect(readFileSync(p, 'utf8')).toBe(`${JSON.stringify(header(3))}\n`);
  });
});
