import type { Command } from 'commander';
import { loadScenario } from '../scenario/load.js';
import { applySettings, parseSetting, type Setting } from '../scenario/overrides.js';
import { runScenario } from '../simulation/run.js';
import { renderText } from '../report/text.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { styleFor } from '../report/style.js';
import { checkMonths, parseChoice, parseIntIn } from './options.js';

export const DEFAULT_SCENARIO = 'base';
const FORMATS = ['text', 'json', 'markdown'] as const;

interface RunFlags {
  seed?: number;
  months?: number;
  format: (typeof FORMATS)[number];
  branch?: string;
  set: Setting[];
}

const collectSetting = (text: string, previous: Setting[]): Setting[] => [...previous, parseSetting(text)];

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('simulate a scenario month by month and tell the story')
    .argument('[scenario]', 'a scenario name from `thaw list` or a path to a YAML file', DEFAULT_SCENARIO)
    .option('-s, --seed <n>', 'random seed (0 to 4294967295); defaults to the scenario\'s', parseIntIn('--seed', 0, 2 ** 32 - 1))
    .option('-m, --months <n>', 'months to simulate (1 to 240); defaults to the scenario\'s horizon', parseIntIn('--months', 1, 240))
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, parseChoice('--format', FORMATS), 'text')
    .option('-b, --branch <name>', 'run one of the scenario\'s branches (see `thaw list`)')
    .option('--set <path=value>', 'override a parameter, e.g. agents.us.visitChance=0.6 (repeatable; applied after --branch)', collectSetting, [] as Setting[])
    .action((ref: string, flags: RunFlags) => {
      const loaded = loadScenario(ref, { branch: flags.branch ?? null });
      const scenario = applySettings(loaded.scenario, flags.set);
      checkMonths(scenario, flags.months);
      const result = runScenario(scenario, { seed: flags.seed ?? scenario.seed, branch: loaded.branch, ...(flags.months ? { months: flags.months } : {}) });
      const out = flags.format === 'json' ? renderJson(result)
        : flags.format === 'markdown' ? renderMarkdown(result, scenario.title, scenario)
          : renderText(result, styleFor(process.stdout), scenario.title, scenario);
      process.stdout.write(out);
    });
}
