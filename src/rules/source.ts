/**
 * The source article, as docs/source.md paraphrases it: the full citation and one line per
 * paragraph. Traces cite paragraphs as ¶N; this module turns a citation back into its paraphrase.
 * Pure: it reads the markdown it is given, never the disk.
 */
import { RULES, RULE_LIST, formatParagraphs } from './catalogue.js';
import { RULE_IDS, type RuleId } from './ids.js';
import { closest } from '../scenario/suggest.js';
import { UserError } from '../scenario/errors.js';

export interface SourceParagraph {
  readonly n: number;
  readonly text: string;
}

export interface SourceText {
  /** The article's full citation, as the file's block quote gives it. */
  readonly citation: string;
  readonly paragraphs: readonly SourceParagraph[];
}

/** What `thaw source REF` answers: some paragraphs and, for a rule id, the rule they back. */
export interface SourceLookup {
  readonly rule: { readonly id: RuleId; readonly slug: string; readonly title: string; readonly paragraphs: string } | null;
  readonly paragraphs: readonly SourceParagraph[];
}

// ¶ and – written as escapes: the CLI's bundle stays ASCII, which Node reads fastest (docs/performance.md).
const PARAGRAPH_LINE = /^- \*\*\u00b6(\d{1,3})\*\*\s+(.+)$/;

export function parseSource(markdown: string): SourceText {
  const lines = markdown.split(/\r?\n/);
  const quote = lines.filter((l) => l.startsWith('>')).map((l) => l.replace(/^>\s?/, '').trim());
  const citation = quote.join(' ').replace(/\*/g, '').trim();
  const paragraphs: SourceParagraph[] = [];
  for (const line of lines) {
    const m = PARAGRAPH_LINE.exec(line);
    if (m) paragraphs.push({ n: Number(m[1]), text: m[2]!.trim() });
  }
  return { citation, paragraphs };
}

/** `¶42`, `42`, `¶15–19` (or `15-19`), or a rule id such as `R05` (any case). */
export function lookupSource(source: SourceText, ref: string): SourceLookup {
  const wanted = ref.trim();
  const byNumber = new Map(source.paragraphs.map((p) => [p.n, p]));
  const last = Math.max(0, ...byNumber.keys());
  const range = /^\u00b6?\s*(\d{1,3})(?:\s*[-\u2013]\s*(\d{1,3}))?$/.exec(wanted);
  if (range) {
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    const found = [];
    for (let n = Math.min(from, to); n <= Math.max(from, to); n++) {
      const p = byNumber.get(n);
      if (!p) throw new UserError(`the article has no paragraph ¶${n}; its paragraphs are ¶1–¶${last}`);
      found.push(p);
    }
    return { rule: null, paragraphs: found };
  }
  const id = wanted.toUpperCase();
  if (id in RULES) {
    const rule = RULES[id as RuleId];
    return {
      rule: { id: rule.id, slug: rule.slug, title: rule.title, paragraphs: `¶${formatParagraphs(rule.paragraphs)}` },
      paragraphs: rule.paragraphs.map((n) => byNumber.get(n)).filter((p): p is SourceParagraph => p !== undefined),
    };
  }
  const ids = RULE_LIST.flatMap((r) => [r.id, r.slug]);
  const guess = closest(wanted, ids);
  const slug = RULE_LIST.find((r) => r.slug === wanted.toLowerCase());
  if (slug) return lookupSource(source, slug.id);
  throw new UserError(
    `"${ref}" is neither a paragraph (¶1–¶${last}) nor a rule id (R01–R${String(RULE_LIST.length).padStart(2, '0')})`
    + (guess ? `; did you mean ${guess}?` : ''),
  );
}
