import type { Command } from 'commander';
import { loadScenarioFast } from '../scenario/resolved.js';
import { parseSetting, type Setting } from '../scenario/setting.js';
import { fingerprintOf } from '../scenario/fingerprint.js';
import { runScenario } from '../run-scenario.js';
import { renderText } from '../report/text.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { styleFor } from '../report/style.js';
import { VERSION } from '../version.js';
import { checkMonths, parseIntIn } from './options.js';
import { describeUsage, formatOption } from './conventions.js';
import { widthOf } from './terminal.js';

export const DEFAULT_SCENARIO = 'base';
const FORMATS = ['text', 'json', 'markdown'] as const;

interface RunFlags {
  seed?: number;
  months?: number;
  format: (typeof FORMATS)[number];
  branch?: string;
  set: Setting[];
  dealSpace?: boolean;
}

const collectSetting = (text: string, previous: Setting[]): Setting[] => [...previous, parseSetting(text)];

export function registerRun(program: Command): void {
  const command = program
    .command('run')
    .description('simulate a scenario month by month and tell the story')
    .argument('[scenario]', 'a scenario name from `thaw list` or a path to a YAML file', DEFAULT_SCENARIO)
    .option('-s, --seed <n>', 'random seed (0 to 4294967295); defaults to the scenario\'s', parseIntIn('--seed', 0, 2 ** 32 - 1))
    .option('-m, --months <n>', 'months to simulate (1 to 240); defaults to the scenario\'s horizon', parseIntIn('--months', 1, 240))
    .addOption(formatOption(FORMATS, 'text', { md: 'markdown' }))
    .option('-b, --branch <name>', 'run one of the scenario\'s branches (see `thaw list`)')
    .option('--set <path=value>', 'override a parameter, e.g. agents.us.visitChance=0.6 (repeatable; applied after --branch)', collectSetting, [] as Setting[])
    .option('--deal-space', 'add each negotiation round\'s deal space to the JSON: packages, Pareto frontier, Nash and Kalai–Smorodinsky points, ZOPA')
    .action(async (ref: string, flags: RunFlags) => {
      const loaded = await loadScenarioFast(ref, { branch: flags.branch ?? null });
      // The overrides bring the YAML parser and the schema: loaded only when there is one.
      const scenario = flags.set.length === 0 ? loaded.scenario : (await import('../scenario/overrides.js')).applySettings(loaded.scenario, flags.set);
      checkMonths(scenario, flags.months);
      const seed = flags.seed ?? scenario.seed;
      const result = runScenario(scenario, { seed, branch: loaded.branch, ...(flags.months ? { months: flags.months } : {}), ...(flags.dealSpace ? { dealSpace: true } : {}) });
      const out = flags.format === 'json'
        ? renderJson(result, {
          version: VERSION, scenario: scenario.id, branch: loaded.branch, seed,
          settings: flags.set.map((s) => `${s.path}=${s.value}`), fingerprint: fingerprintOf(scenario),
        })
        : flags.format === 'markdown' ? renderMarkdown(result, scenario.title, scenario)
          : renderText(result, styleFor(process.stdout), scenario.title, scenario, widthOf(process.stdout));
      process.stdout.write(out);
    });
  describeUsage(command, [
    ['thaw run', 'the default scenario\'s story'],
    ['thaw run peace-talks-advance --seed 7 --months 24', 'another branch, seed and horizon'],
    ['thaw run base --branch balloons-stop', 'a branch declared inside a scenario file'],
    ['thaw run base --set agents.us.visitChance=0.8', 'change one parameter'],
    ['thaw run my.yaml --format json > run.json', 'your own file; the whole run as JSON'],
    ['thaw run peace-talks-advance --deal-space --format json', 'with each round\'s deal space (Pareto, Nash, ZOPA)'],
  ]);
}
