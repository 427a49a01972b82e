/**
 * A scenario named inside another file (a study file's or a facts file's `scenario:` key). A path
 * is read relative to the folder of the file that names it, never the working folder, and as a
 * file path (a URL would mangle spaces, `%` and `#`); a bare name is a shipped scenario. Whatever
 * goes wrong is reported at the `scenario:` value of the referring file, with a did-you-mean.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { UserError, formatProblem, type Problem } from './errors.js';
import { problemAt, type ParsedFile } from './parse.js';
import { loadScenario, scenarioNames, type LoadedScenario } from './load.js';
import { closest } from './suggest.js';

export type Referenced = { readonly ok: true; readonly loaded: LoadedScenario } | { readonly ok: false; readonly problem: Problem };

/** The same test the loader applies to `extends`: a separator or a YAML extension makes it a path. */
export const looksLikePath = (ref: string): boolean => /[/\\]/.test(ref) || /\.ya?ml$/i.test(ref);

const yamlFilesIn = (dir: string): string[] => {
  try {
    return readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f));
  } catch {
    return [];
  }
};

/** Where the referring file writes its `scenario:` value (the start of the file when it does not). */
const scenarioOffset = (file: ParsedFile): number =>
  (file.doc.get('scenario', true) as { range?: [number, number, number] } | undefined)?.range?.[0] ?? 0;

/** Loads the scenario `ref` that `file` names, with `branch` if given. */
export function loadReferencedScenario(file: ParsedFile, ref: string, branch: string | null): Referenced {
  const here = (message: string, hint?: string): Referenced => ({ ok: false, problem: problemAt(file, scenarioOffset(file), `scenario: ${message}`, hint) });
  let target = ref;
  if (looksLikePath(ref)) {
    target = resolve(dirname(file.path), ref);
    if (!existsSync(target)) {
      const folder = dirname(target);
      const near = closest(basename(target), yamlFilesIn(folder));
      return here(`no scenario file "${ref}" (looked for ${target})`,
        near ? `did you mean "${near}" in the same folder?` : 'a path is read relative to the folder of this file');
    }
  } else if (!scenarioNames().includes(ref)) {
    const near = closest(ref, scenarioNames());
    return here(`unknown scenario "${ref}"`, `${near ? `did you mean "${near}"? ` : ''}shipped scenarios: ${scenarioNames().join(', ')} (or give a path to a .yaml file, relative to this file)`);
  }
  try {
    return { ok: true, loaded: loadScenario(target, { branch }) };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const first = error.problems[0];
    return here(error.message, first ? formatProblem(first) : undefined);
  }
}
