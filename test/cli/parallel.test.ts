/** A study split in 4 shards run by GNU parallel (as docs/cluster.md shows) merges into the bytes of one process. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const hasParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0;

describe('GNU parallel', () => {
  // .ci/run installs GNU parallel (Debian package `parallel`); a developer machine without it skips this.
  it.runIf(hasParallel || process.env.CI === 'true')('runs 4 shards whose merge equals one process byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thaw-parallel-'));
    const study = join(dir, 'p.yaml');
    writeFileSync(study, ['scenario: base', 'design: sobol', 'samples: 64', 'seed: 2', 'factors:', '  agents.us.visitChance: [0.1, 0.9]', '  agents.poland.concession: [1, 8]', 'metrics: [released, freed.poczobut]', ''].join('\n'));
    const p = spawnSync('parallel', ['--will-cite', '-j', '2', 'node', 'bin/thaw', 'study', study, '--shard', '{}/4', '--out', join(dir, 'shard-{}.jsonl'), ':::', '1', '2', '3', '4'], { cwd: root, encoding: 'utf8' });
    expect(p.stderr).toBe('');
    expect(p.status).toBe(0);
    const merged = spawnSync('node', ['bin/thaw', 'merge', ...[1, 2, 3, 4].map((i) => join(dir, `shard-${i}.jsonl`)), '--format', 'json'], { cwd: root, encoding: 'utf8' });
    const one = spawnSync('node', ['bin/thaw', 'study', study, '--format', 'json'], { cwd: root, encoding: 'utf8' });
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(one.stdout);
  });
});
