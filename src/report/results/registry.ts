/**
 * What `thaw report FILE` can read: a small registry of result kinds, keyed by the kind and format
 * version a file declares (`"thaw": KIND, "format": N`, in a JSON document or a JSONL file's header
 * line). Each entry says which command writes it, checks a document and turns it into a page.
 * A new kind (the backtest's, say) is one `registerReportKind` call in its own module, imported
 * by `./kinds.ts`; nothing else changes. The registry formats: it never runs a simulation.
 */
import type { z } from 'zod';
import type { PageSection } from '../html/shell.js';

/** A page of a result file: the frame's parts (see ../html/shell.ts). */
export interface ResultPage {
  readonly title: string;
  readonly description?: string;
  readonly provenance: readonly (readonly [string, string])[];
  readonly sections: readonly PageSection[];
  readonly madeBy: string;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly at: readonly PropertyKey[]; readonly message: string };

export interface ReportKind<T> {
  /** The file's `thaw` field. */
  readonly kind: string;
  /** The file's `format` field. */
  readonly format: number;
  /** `json`: one JSON document; `jsonl`: a run file (header line, one line per run), read by src/simulation/sweep-file.ts. */
  readonly layout: 'json' | 'jsonl';
  /** The command that writes it, for messages and hints, e.g. `thaw sweep --format json`. */
  readonly writtenBy: string;
  readonly parse: (value: unknown) => Parsed<T>;
  readonly render: (document: T, source: string) => Promise<ResultPage>;
}

/** A registered kind with its document type hidden: checking returns the page to render. */
export interface KnownKind {
  readonly kind: string;
  readonly format: number;
  readonly layout: 'json' | 'jsonl';
  readonly writtenBy: string;
  readonly load: (value: unknown) => { readonly ok: true; readonly render: (source: string) => Promise<ResultPage> } | Extract<Parsed<unknown>, { ok: false }>;
}

const KINDS: KnownKind[] = [];

export function registerReportKind<T>(k: ReportKind<T>): void {
  if (KINDS.some((x) => x.kind === k.kind && x.format === k.format && x.layout === k.layout)) throw new Error(`report kind ${k.kind} format ${k.format} is registered twice`);
  KINDS.push({
    kind: k.kind, format: k.format, layout: k.layout, writtenBy: k.writtenBy,
    load: (value) => {
      const parsed = k.parse(value);
      return parsed.ok ? { ok: true, render: (source) => k.render(parsed.value, source) } : parsed;
    },
  });
}

export const reportKinds = (): readonly KnownKind[] => KINDS;

/** A zod schema as a registry parser: the first problem, with where it is. */
export function fromSchema<S extends z.ZodType>(schema: S): (value: unknown) => Parsed<z.output<S>> {
  return (value) => {
    const r = schema.safeParse(value);
    if (r.success) return { ok: true, value: r.data };
    const issue = r.error.issues[0]!;
    return { ok: false, at: issue.path, message: issue.message };
  };
}

/** Passes a value the CLI has already read and checked (a run file). */
export const trusted = <T>() => (value: unknown): Parsed<T> => ({ ok: true, value: value as T });
