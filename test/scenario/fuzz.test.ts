/**
 * Whatever the bytes, loading a scenario either succeeds or throws a UserError whose problems
 * carry real positions: never a TypeError, a RangeError, a stack overflow or a hang.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/load.js';
import { UserError } from '../../src/scenario/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'thaw-fuzz-'));
let n = 0;

/** Loads the content from a fresh file; fails the property on anything but success or a located UserError. */
function loadsCleanly(content: string | Uint8Array): boolean {
  const path = join(dir, `case-${n++}.yaml`);
  writeFileSync(path, content);
  try {
    validateScenario(path);
    return true;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    for (const p of error.problems) {
      if (!(p.line >= 1 && p.column >= 1 && p.message.length > 0)) throw new Error(`bad position: ${JSON.stringify(p)}`);
    }
    return true;
  }
}

const YAMLISH = [
  'id: x', 'title: T', 'extends: base', 'horizon: 3', 'world:', '  talks: failed', '  cohorts:', '    - id: a', '      held: -1',
  'agents:', '  us:', '    visitChance: 2', 'events:', '  - id: e', '    at: 2026-03', '    do: { liftSanction: eu.potash }',
  'branches:', '  b: { horizon: 2 }', '__proto__:', 'constructor:', '- ', '? ', ': ', '[', ']', '{', '}', ',', '&a ', '*a', '<<: *a',
  '\t', '"', "'", '|', '>', '#', '---', '...', '%YAML 1.2', '!!str ', '!tag ', '\u0000', '\uFEFF', '\r\n', '\n', ' ', 'null', '~', '.inf', '0x1F', '1e400',
];

describe('the loader never throws anything but UserError', () => {
  it('arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), loadsCleanly), { numRuns: 300 });
  });

  it('arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), loadsCleanly), { numRuns: 200 });
  });

  it('YAML-ish token soup', () => {
    const soup = fc.array(fc.constantFrom(...YAMLISH), { maxLength: 40 }).map((tokens) => tokens.join(''));
    const lines = fc.array(fc.constantFrom(...YAMLISH), { maxLength: 30 }).map((tokens) => tokens.join('\n'));
    fc.assert(fc.property(fc.oneof(soup, lines), loadsCleanly), { numRuns: 400 });
  });

  it('arbitrary YAML structures, alone and over a valid scenario', () => {
    const key = fc.oneof(fc.constantFrom('id', 'title', 'extends', 'horizon', 'start', 'seed', 'world', 'talks', 'agents', 'rules', 'events', 'branches', 'us', 'eu', 'cohorts', 'sanctions', 'named', 'do', 'at', 'when', 'chance', '__proto__'), fc.string({ maxLength: 8 }));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('list'), tie('map')),
      leaf: fc.oneof(fc.constant(null), fc.boolean(), fc.double(), fc.integer(), fc.string({ maxLength: 12 }), fc.constantFrom('2026-03', 'eu.potash', 'poczobut', 'stalled', 'R09')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
    })).node;
    fc.assert(fc.property(value, (v) => loadsCleanly(stringify(v))), { numRuns: 300 });
    fc.assert(fc.property(fc.dictionary(key, value, { maxKeys: 6 }), (patch) =>
      loadsCleanly(stringify({ id: 'fuzz', extends: 'base', title: 'Fuzz', ...patch }))), { numRuns: 300 });
  });
});
