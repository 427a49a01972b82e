// Regenerates the docs that are derived from code (run through `npm run docs`, after a build).
import { readFileSync, writeFileSync } from 'node:fs';
import { renderRulesDoc } from '../dist/docs/rules-doc.js';
import { renderScenarioSchema } from '../dist/docs/scenario-schema.js';
import { withReference } from '../dist/docs/scenario-doc.js';
import { renderStudySchema } from '../dist/docs/study-schema.js';
import { renderFactsSchema } from '../dist/docs/facts-schema.js';

writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesDoc());
console.log('wrote docs/rules.md');
writeFileSync(new URL('../docs/scenario.schema.json', import.meta.url), renderScenarioSchema());
console.log('wrote docs/scenario.schema.json');
writeFileSync(new URL('../docs/study.schema.json', import.meta.url), renderStudySchema());
console.log('wrote docs/study.schema.json');
writeFileSync(new URL('../docs/facts.schema.json', import.meta.url), renderFactsSchema());
console.log('wrote docs/facts.schema.json');
const authoring = new URL('../docs/scenario-authoring.md', import.meta.url);
writeFileSync(authoring, withReference(readFileSync(authoring, 'utf8')));
console.log('wrote the reference section of docs/scenario-authoring.md');

// The pictures: each machine as drawn from its definition, and one run's timeline and machines
// (shown in the README and the guide; test/report/pictures-docs.test.ts fails when they are stale).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const root = new URL('..', import.meta.url).pathname;
const thaw = (...args) => {
  const p = spawnSync('node', ['bin/thaw', ...args], { cwd: root, encoding: 'utf8' });
  if (p.status !== 0) throw new Error(`thaw ${args.join(' ')}: ${p.stderr}`);
};
const thawOut = (...args) => {
  const p = spawnSync('node', ['bin/thaw', '-q', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (p.status !== 0) throw new Error(`thaw ${args.join(' ')}: ${p.stderr}`);
  return p.stdout;
};
/** The result pictures, and the commands that make them (test/report/pictures-docs.test.ts runs the same). */
const RESULT_PICTURES = JSON.parse(readFileSync(join(root, 'docs/pictures/results.json'), 'utf8'));
mkdirSync(join(root, 'docs/diagrams'), { recursive: true });
mkdirSync(join(root, 'docs/pictures'), { recursive: true });
thaw('diagram', '--format', 'svg', '--out-dir', 'docs/diagrams');
console.log('wrote docs/diagrams/*.svg');
const scratch = mkdtempSync(join(tmpdir(), 'thaw-docs-'));
thaw('report', 'base', '--seed', '3', '--out', join(scratch, 'base.html'), '--svg-dir', 'docs/pictures');
console.log('wrote docs/pictures/*.svg (thaw report base --seed 3)');
// Result pages' charts: a comparison's paired differences, a study's Sobol' indices; of the
// charts each page gives with --svg-dir, the ones the docs show are kept.
for (const [name, made, charts] of RESULT_PICTURES) {
  const json = join(scratch, `${name}.json`);
  writeFileSync(json, thawOut(...made));
  const dir = join(scratch, name);
  mkdirSync(dir);
  thaw('report', json, '--out', join(scratch, `${name}.html`), '--svg-dir', dir);
  for (const chart of charts) copyFileSync(join(dir, chart), join(root, 'docs/pictures', chart));
  console.log(`wrote docs/pictures/{${charts.join(',')}} (thaw ${made.join(' ')} > ${name}.json; thaw report ${name}.json --out ${name}.html --svg-dir DIR)`);
}
rmSync(scratch, { recursive: true, force: true });
