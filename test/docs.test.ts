import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc } from '../src/docs/rules-doc.js';
import { renderStudySchema } from '../src/docs/study-schema.js';
import { renderFactsSchema } from '../src/docs/facts-schema.js';

describe('generated docs', () => {
  it('docs/rules.md matches the rule catalogue (run `npm run docs` after changing a rule)', () => {
    expect(readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8')).toBe(renderRulesDoc());
  });

  it('docs/study.schema.json matches the study file\'s schema (run `npm run docs` after changing it)', () => {
    expect(readFileSync(new URL('../docs/study.schema.json', import.meta.url), 'utf8')).toBe(renderStudySchema());
  });

  it('docs/facts.schema.json matches the facts file\'s schema (run `npm run docs` after changing it)', () => {
    expect(readFileSync(new URL('../docs/facts.schema.json', import.meta.url), 'utf8')).toBe(renderFactsSchema());
  });
});
