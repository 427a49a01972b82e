// Regenerates the docs that are derived from code (run through `npm run docs`, after a build).
import { readFileSync, writeFileSync } from 'node:fs';
import { renderRulesDoc } from '../dist/docs/rules-doc.js';
import { renderScenarioSchema } from '../dist/docs/scenario-schema.js';
import { withReference } from '../dist/docs/scenario-doc.js';
import { renderStudySchema } from '../dist/docs/study-schema.js';

writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesDoc());
console.log('wrote docs/rules.md');
writeFileSync(new URL('../docs/scenario.schema.json', import.meta.url), renderScenarioSchema());
console.log('wrote docs/scenario.schema.json');
writeFileSync(new URL('../docs/study.schema.json', import.meta.url), renderStudySchema());
console.log('wrote docs/study.schema.json');
const authoring = new URL('../docs/scenario-authoring.md', import.meta.url);
writeFileSync(authoring, withReference(readFileSync(authoring, 'utf8')));
console.log('wrote the reference section of docs/scenario-authoring.md');
