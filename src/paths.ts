/**
 * Where thaw's own files are. The code runs from dist/ (one module per file) or from the CLI's
 * single-file bundle (dist/thaw.cjs), so a path written relative to one module would be wrong in
 * the other: every file thaw ships is found from the package root instead.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scenarios'))) return dir;
    if (dirname(dir) === dir) throw new Error(`thaw cannot find its package folder above ${from}`);
  }
}

export const PACKAGE_ROOT: string = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A file or folder inside the package, e.g. `inPackage('docs', 'source.md')`. */
export const inPackage = (...parts: string[]): string => join(PACKAGE_ROOT, ...parts);

/** A path as thaw shows it in messages: relative to the working folder when inside it. */
export const displayPath = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
};
