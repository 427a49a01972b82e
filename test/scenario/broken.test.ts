/**
 * The corpus of broken scenario files (test/fixtures/broken/): each kind of mistake an analyst
 * can make, or a hostile file can contain, pinned to its exact line, column, message and hint.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateScenario, loadScenario } from '../../src/scenario/load.js';
import { UserError, type Problem } from '../../src/scenario/errors.js';

const dir = 'test/fixtures/broken';

function problemsOf(path: string, load: (p: string) => unknown = validateScenario): Problem[] {
  try {
    load(path);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return [...(error as UserError).problems];
  }
  throw new Error(`${path} loaded without a problem`);
}

/** file → [line, column, message, hint?] for each problem, in order. */
const corpus: Record<string, [number, number, string | RegExp, (string | RegExp)?][]> = {
  'unknown-key.yaml': [[4, 1, 'unknown key `horizn`', 'did you mean `horizon`?']],
  'shared-id.yaml': [[6, 13, 'named: the id "journalists" is also a cohort\'s id', 'a named prisoner and a cohort cannot share an id']],
  'past-last-month.yaml': [[5, 10, 'horizon: 12 months after 9999-06 runs past 9999-12, the last month thaw can name', 'choose an earlier start or a shorter horizon']],
  'unknown-nested-key.yaml': [[6, 5, 'agents.us: unknown key `visitChanse`', 'did you mean `visitChance`?']],
  'wrong-type.yaml': [[4, 10, 'horizon: expected a number, got the text "twelve"']],
  'out-of-range.yaml': [[6, 18, 'agents.us.visitChance: 1.5 is out of range: the maximum is 1', 'accepted: 0 to 1']],
  'bad-chance.yaml': [[6, 13, 'events.0.chance: 1.2 is out of range: the maximum is 1', 'accepted: 0 to 1']],
  'bad-month.yaml': [[4, 8, 'start: expected a month as YYYY-MM, e.g. 2026-03, got the text "2026-13"']],
  'negative-count.yaml': [[7, 13, 'world.cohorts.1.held: -5 is out of range: the minimum is 0', 'accepted: 0 to 100000']],
  'bad-enum.yaml': [[5, 10, 'world.talks: expected one of advancing, stalled, failed, frozen; got the text "stalld"', 'did you mean `stalled`?']],
  'unknown-sanction.yaml': [[8, 21, 'events.0.do.liftSanction: unknown sanction "eu.potassium"', 'did you mean "eu.potash"?']],
  'unknown-prisoner.yaml': [[8, 23, 'events.0.do.releaseNamed.poczbut: unknown prisoner "poczbut"', 'did you mean "poczobut"?']],
  // Declared tracks (issue #11): unknown party, an item worth nothing, an unknown rule, a condition on an unknown track.
  // A party is one of the five or a declared actor (`actors:`); item worths and reservations name parties of the track.
  'track-unknown-party.yaml': [
    [6, 19, 'tracks.0.parties.1: no party "latvia": it is neither one of the five agents nor a declared actor', 'declare it under `actors:` (id, name), or use one of: belarus, us, lithuania, poland, eu'],
    [9, 53, 'tracks.0.items.0.worth.lithuania: "lithuania" is not a party of this track (us, latvia)'],
  ],
  // Declared actors (issue #11 point 5): a duplicate id, an actor no track uses, a built-in's id, one actor at two tracks.
  'actor-duplicate-id.yaml': [[6, 11, 'actors: the id "ukraine" is used twice', 'ids must be unique in a list']],
  'actor-unused.yaml': [[6, 11, 'actors: no declared track has "vatican" as a party', 'add "vatican" to a track\'s `parties`, or remove the actor']],
  'actor-built-in-id.yaml': [[5, 11, 'actors: "poland" is one of the five built-in agents', /^a built-in agent takes part in declared tracks without being declared/]],
  'actor-two-tracks.yaml': [[13, 14, 'tracks.1.parties: the actor "ukraine" is already a party to another track', /^a declared actor takes part in one track/]],
  'track-worthless-item.yaml': [[10, 50, 'tracks.0.items.1.worth: the item "handshake" is worth nothing to anyone; give it a worth for at least one party, or leave it out']],
  'track-unknown-rule.yaml': [[10, 24, /^tracks\.0\.redLines\.0\.rule: expected one of R01, .*got the text "R99"$/, 'did you mean `R09`?']],
  'track-unknown-track.yaml': [[10, 25, 'no track "us-belarrus" for this condition', /^did you mean "us-belarus"\?/]],
  // The open world (R18–R25): rates, shares, routes, cohorts, tranches, probabilities, scripted deals.
  'ow-negative-rate.yaml': [[6, 17, 'agents.belarus.arrestRate: -3 is out of range: the minimum is 0', 'accepted: 0 to 10000']],
  'ow-shares.yaml': [[7, 37, /world\.cohorts\.1\.arrestShare: the cohorts' arrest shares sum to 0\.8, expected 1 \(R18\); give every cohort a share/]],
  'ow-unknown-route.yaml': [[7, 52, 'events.0.do.pardon.activists.route: expected one of lithuania, ukraine, poland, home; got the text "belgium"']],
  'ow-unknown-cohort.yaml': [[7, 21, 'events.0.do.arrest.studens: unknown cohort "studens"', 'known cohort ids: journalists, unionists, activists, others']],
  'ow-tranches.yaml': [[6, 15, 'agents.us.tranches: 0 is out of range: the minimum is 1', 'accepted: 1 to 12']],
  'ow-probability.yaml': [[6, 21, 'agents.belarus.renege.base: 1.5 is out of range: the maximum is 1', 'accepted: 0 to 1']],
  'ow-term-chance.yaml': [[6, 20, 'agents.belarus.termEndChance: 2 is out of range: the maximum is 1', 'accepted: 0 to 1']],
  'ow-deal-relief.yaml': [[8, 86, 'events.0.do.deal.relief.1: a us-belarus deal cannot lift "eu.potash": us can give only its own sanctions', 'use a sanction that starts with "us.", or a deal on the eu\'s track']],
  'ow-deal-count.yaml': [[8, 38, 'events.0.do.deal.releases.unionists: the deal frees 500 of "unionists", but Minsk holds only 120 at the start', 'free at most 120']],
  'unknown-cohort.yaml': [[8, 9, 'events.0.do.releaseFromCohort.students: unknown cohort "students"', 'known cohort ids: journalists, unionists, activists, others']],
  'bad-list-item.yaml': [
    [7, 33, 'events.0.do.liftSanction.1: unknown sanction "eu.trad"', 'did you mean "eu.trade"?'],
    [8, 19, 'events.0.do.setRules: unknown key `R9`', 'did you mean `R09`?'],
  ],
  'unknown-effect.yaml': [[7, 11, 'events.0.do: unknown key `liftSanctions`', 'did you mean `liftSanction`?']],
  'event-before-start.yaml': [[6, 9, 'events.0.at: 2025-06 is before the first simulated month, 2026-01', 'the run starts after `start` (2025-12)']],
  'duplicate-event-id.yaml': [[6, 11, 'events: the id "twice" is used twice']],
  'branch-error.yaml': [[7, 7, 'branch calm: world: unknown key `balons`', 'did you mean `balloons`?']],
  'many-problems.yaml': [
    [4, 1, 'unknown key `horizn`', 'did you mean `horizon`?'],
    [5, 7, 'seed: -1 is out of range: the minimum is 0'],
    [8, 17, 'agents.poland.concession: 50 is out of range: the maximum is 10'],
  ],
  'missing-world.yaml': [[1, 1, 'world: missing: a mapping (key: value) is required here']],
  'yaml-syntax.yaml': [[3, 1, /^YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a \]/]],
  'empty.yaml': [[1, 1, 'the file is empty', /copy scenarios\/base.yaml/]],
  'comment-only.yaml': [[1, 1, 'the file is empty']],
  'list-root.yaml': [[1, 1, 'expected a mapping (key: value lines) at the top of the file, found a list']],
  'scalar-root.yaml': [[1, 1, 'expected a mapping (key: value lines) at the top of the file, found a single value']],
  'tabs.yaml': [[5, 1, 'a tab is used for indentation', /spaces only/]],
  'duplicate-keys.yaml': [[5, 1, 'duplicate key: this key appears twice in the same mapping']],
  'multiple-documents.yaml': [[4, 1, 'the file holds several YAML documents (`---`)', /branches/]],
  'alias-bomb.yaml': [[5, 8, 'too many aliases: the file expands to more than 100 alias copies', /capped/]],
  'unknown-alias.yaml': [[4, 10, 'unknown alias `*months`']],
  'deep-nesting.yaml': [[4, 40, 'nesting is too deep (a scenario nests at most 32 levels)']],
  'proto-key.yaml': [[5, 3, 'key `__proto__` is not allowed in a scenario']],
  'constructor-key.yaml': [[4, 1, 'key `constructor` is not allowed in a scenario'], [4, 16, 'key `prototype` is not allowed in a scenario']],
  'extends-missing.yaml': [[2, 10, 'extends: scenario file not found: ./no-such-parent.yaml', `chain: ${dir}/extends-missing.yaml → ./no-such-parent.yaml (missing)`]],
  'extends-cycle-a.yaml': [[2, 10, `extends: cycle ${dir}/extends-cycle-a.yaml → ${dir}/extends-cycle-b.yaml → ${dir}/extends-cycle-a.yaml`, /cannot extend itself/]],
  // Issue #9's hostile categories.
  'zero-sum-row.yaml': [[5, 12, /^talks\.stalled: the weights of this transition row add up to 0/]],
  'extreme-value.yaml': [[6, 37, 'world.cohorts.0.usProfile: 1e+308 is out of range: the maximum is 100', 'accepted: 0 to 100']],
  'tag-js-function.yaml': [[2, 22, 'the YAML tag `!!js/function` is not supported in a scenario', /remove the tag/]],
  'tag-custom.yaml': [[2, 15, 'the YAML tag `!shout` is not supported in a scenario']],
  'tag-set.yaml': [[6, 23, 'the YAML tag `!!set` is not supported in a scenario']],
  'duplicate-parent-id.yaml': [[7, 13, 'world.named: the id "poczobut" is used twice in this list', /silently dropped/]],
  'extends-device.yaml': [[1, 1, 'the file is a character device, not a regular file', `give the path of a scenario file; /dev/zero is the parent named by \`extends\` in ${dir}/extends-device.yaml:3:10`]],
  'extends-directory.yaml': [[1, 1, 'the file is a directory, not a regular file', /is the parent named by `extends` in test\/fixtures\/broken\/extends-directory.yaml:3:10$/]],
  'extends-not-a-scenario.yaml': [[1, 1, 'expected a mapping (key: value lines) at the top of the file, found a single value', /not-a-scenario.txt is the parent named by `extends` in test\/fixtures\/broken\/extends-not-a-scenario.yaml:3:10$/]],
  'quoted-brackets.yaml': [[5, 10, 'horizon: expected a number, got the text "twelve"']],
  'control-characters.yaml': [[4, 1, 'unknown key `\u001b]0;pwned\u0007\u001b[2Jhorizon`']],
};

/** Problems reported in another file than the fixture itself: its parent, which `extends` names. */
const REPORTED_IN: Readonly<Record<string, string>> = {
  'extends-cycle-a.yaml': `${dir}/extends-cycle-b.yaml`,
  'extends-device.yaml': '/dev/zero',
  'extends-directory.yaml': 'test/fixtures/folder',
  'extends-not-a-scenario.yaml': 'test/fixtures/not-a-scenario.txt',
};

describe('broken scenario files: every problem at its line and column, with a hint', () => {
  for (const [file, expected] of Object.entries(corpus)) {
    it(file, () => {
      const problems = problemsOf(`${dir}/${file}`);
      expect(problems).toHaveLength(expected.length);
      expected.forEach(([line, column, message, hint], i) => {
        const p = problems[i]!;
        expect({ file: p.file, line: p.line, column: p.column }).toEqual({ file: REPORTED_IN[file] ?? `${dir}/${file}`, line, column });
        if (typeof message === 'string') expect(p.message).toBe(message);
        else expect(p.message).toMatch(message);
        if (hint !== undefined) expect(p.hint ?? '').toMatch(typeof hint === 'string' ? new RegExp(`^${hint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : hint);
      });
    });
  }

  it('a run loads through the same checks (same problems, same positions)', () => {
    for (const file of ['unknown-key.yaml', 'unknown-sanction.yaml', 'tabs.yaml']) {
      expect(problemsOf(`${dir}/${file}`, (p) => loadScenario(p))).toEqual(problemsOf(`${dir}/${file}`));
    }
  });

  it('every file in the corpus is pinned here', async () => {
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'extends-cycle-b.yaml').sort()).toEqual(Object.keys(corpus).sort());
  });
});

describe('hostile bytes, generated', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'thaw-hostile-'));
  const write = (name: string, content: string | Buffer) => {
    const path = join(tmp, name);
    writeFileSync(path, content);
    return path;
  };

  it('binary data with NUL bytes is refused at the first NUL', () => {
    const [p] = problemsOf(write('binary.yaml', Buffer.from([0x69, 0x64, 0x3a, 0x20, 0x0a, 0x61, 0x00, 0xff, 0x10])));
    expect(p).toMatchObject({ line: 2, column: 2, message: 'the file contains a NUL byte (binary data?)' });
  });

  it('bytes that are not UTF-8 are refused', () => {
    const [p] = problemsOf(write('latin1.yaml', Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xe9, 0xe8, 0x0a])));
    expect(p).toMatchObject({ line: 1, column: 1, message: 'the file is not UTF-8 text (binary data?)' });
  });

  it('a file over 1 MiB is refused before it is read', () => {
    const [p] = problemsOf(write('huge.yaml', `id: huge\ntitle: Huge\ndescription: "${'x'.repeat(1024 * 1024)}"\n`));
    expect(p!.message).toMatch(/^the file is \d+ bytes; a scenario may hold at most 1048576 bytes \(1 MiB\)$/);
  });

  it('thousands of nested brackets or indentation levels never reach the parser', () => {
    const [flow] = problemsOf(write('flow.yaml', `id: x\ntitle: [${'['.repeat(5000)}${']'.repeat(5000)}]\n`));
    expect(flow).toMatchObject({ line: 2, message: expect.stringMatching(/nesting is too deep/) });
    const block = Array.from({ length: 400 }, (_, i) => `${' '.repeat(i)}a${i}:`).join('\n');
    const [indent] = problemsOf(write('indent.yaml', `${block} 1\n`));
    expect(indent!.message).toMatch(/nesting is too deep/);
  });

  it('a directory is not a scenario (the message names what it is: changed from "not a file (a directory?)")', () => {
    expect(problemsOf(tmp)[0]!.message).toBe('the file is a directory, not a regular file');
  });
});
