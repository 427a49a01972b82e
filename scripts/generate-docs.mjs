// Regenerates the docs that are derived from code (run through `npm run docs`, after a build).
import { writeFileSync } from 'node:fs';
import { renderRulesDoc } from '../dist/docs/rules-doc.js';

writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesDoc());
console.log('wrote docs/rules.md');
