/** src/cli/list.ts in process: the shipped scenarios with their branches, a file's branches, JSON, and escaped titles. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../../src/cli/main.js';
import { scenarioNames, loadScenario } from '../../../src/scenario/load.js';

const tmp = mkdtempSync(join(tmpdir(), 'thaw-list-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

async function list(...args: string[]): Promise<string> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
  await (await buildProgram(['list'])).parseAsync(['list', ...args], { from: 'user' });
  vi.restoreAllMocks();
  return out;
}

describe('thaw list', () => {
  it('lists every shipped scenario, branches indented under theirs, titles in one aligned column', async () => {
    const lines = (await list()).trimEnd().split('\n');
    const heads = lines.filter((l) => !l.startsWith('  '));
    expect(heads.map((l) => l.split(' ')[0])).toEqual(scenarioNames());
    const column = lines[0]!.indexOf(loadScenario(scenarioNames()[0]!).scenario.title);
    for (const l of lines) expect(l.slice(column - 2, column)).toBe('  ');
    for (const l of lines) expect(l[column]).not.toBe(' ');
    const base = lines.indexOf(heads.find((l) => l.startsWith('base '))!);
    const branches = loadScenario('base').branches;
    expect(lines.slice(base + 1, base + 1 + branches.length).map((l) => l.trimStart().split(/\s+/).slice(0, 2).join(' '))).toEqual(branches.map((b) => `--branch ${b.name}`));
  });

  it('--format json gives name, id, title and branches', async () => {
    const parsed = JSON.parse(await list('--format', 'json')) as { name: string; id: string; title: string; branches: { name: string; title: string }[] }[];
    expect(parsed.map((p) => p.name)).toEqual(scenarioNames());
    const base = parsed.find((p) => p.name === 'base')!;
    const loaded = loadScenario('base');
    expect(base).toEqual({ name: 'base', id: loaded.scenario.id, title: loaded.scenario.title, branches: loaded.branches.map((b) => ({ name: b.name, title: b.title })) });
  });

  it('a file is listed by its path, with its own branches; control characters in titles are escaped', async () => {
    const file = join(tmp, 'mine.yaml');
    writeFileSync(file, 'id: mine\nextends: base\ntitle: "Bell\\u0007 and \\u001b[31mred"\nbranches:\n  calm:\n    title: "Calm\\u001b]0;x"\n');
    const text = await list(file);
    expect(text).not.toMatch(/[\u0007\u001b]/);
    const [head, branch] = text.trimEnd().split('\n');
    expect(head).toMatch(/mine\.yaml +Bell.+and .+red$/);
    expect(branch).toMatch(/^ {2}--branch calm +Calm/);
    expect(head!.search(/Bell/)).toBe(branch!.search(/Calm/));
    expect(JSON.parse(await list(file, '--format', 'json'))[0].branches).toEqual([{ name: 'calm', title: 'Calm\u001b]0;x' }]);
  });
});
