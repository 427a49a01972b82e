/**
 * One harness for every rule, as Axelrod checks every strategy with one base class: each rule
 * must be catalogued with real paragraphs, cited by the module that implements it, documented,
 * and then pass its own behavioural checks, which must fail if the rule is broken.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, formatParagraphs } from '../../src/rules/catalogue.js';
import type { RuleId } from '../../src/rules/ids.js';

const ARTICLE_PARAGRAPHS = 48;
const docs = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');

export function describeRule(id: RuleId, behaviour: () => void): void {
  const rule = RULES[id];
  describe(`${id} ${rule.slug}`, () => {
    it('is catalogued with paragraphs of the article and a one-line summary', () => {
      expect(rule.id).toBe(id);
      expect(rule.paragraphs.length).toBeGreaterThan(0);
      for (const p of rule.paragraphs) expect(p >= 1 && p <= ARTICLE_PARAGRAPHS).toBe(true);
      expect(rule.summary.length).toBeGreaterThan(20);
      expect(rule.summary).not.toContain('\n');
    });
    it(`is cited in ${rule.module}, the module that implements it`, () => {
      const source = readFileSync(new URL(`../../${rule.module}`, import.meta.url), 'utf8');
      expect(source).toContain(id);
    });
    it('is documented in docs/rules.md with its paragraphs', () => {
      expect(docs).toContain(`${id}`);
      expect(docs).toContain(`¶${formatParagraphs(rule.paragraphs)}`);
    });
    behaviour();
  });
}
