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
    it(rule.basis === 'the article' ? 'is catalogued with paragraphs of the article and a one-line summary' : 'is catalogued as beyond the article, with the public fact behind it and a one-line summary', () => {
      expect(rule.id).toBe(id);
      if (rule.basis === 'the article') {
        expect(rule.paragraphs.length).toBeGreaterThan(0);
        for (const p of rule.paragraphs) expect(p >= 1 && p <= ARTICLE_PARAGRAPHS).toBe(true);
      } else {
        // R18 onwards: no paragraph to cite, so the fact that justifies the rule must be stated.
        expect(rule.paragraphs).toEqual([]);
        expect(rule.fact?.length ?? 0).toBeGreaterThan(40);
        expect(Number(id.slice(1))).toBeGreaterThan(17);
      }
      expect(rule.summary.length).toBeGreaterThan(20);
      expect(rule.summary).not.toContain('\n');
    });
    it(`is cited in ${rule.module}, the module that implements it`, () => {
      const source = readFileSync(new URL(`../../${rule.module}`, import.meta.url), 'utf8');
      expect(source).toContain(id);
    });
    it('is documented in docs/rules.md with its basis', () => {
      expect(docs).toContain(`${id}`);
      if (rule.basis === 'the article') expect(docs).toContain(`¶${formatParagraphs(rule.paragraphs)}`);
      else expect(docs).toContain(`| ${id} | ${rule.slug} | beyond the article |`);
    });
    behaviour();
  });
}
