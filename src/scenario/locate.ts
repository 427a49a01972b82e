/**
 * From a path in the merged scenario (`world.sanctions.3.weight`) back to the line and column in
 * the file that set it. Files are layers (root first; a branch is a layer rooted at
 * `branches.NAME` of its file). Lists merged by id are followed by id, not by index, because the
 * merged index of a child's item differs from its index in the child's file.
 */
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Plain } from './merge.js';
import { problemAt, type ParsedFile } from './parse.js';
import type { Problem } from './errors.js';

export interface Layer {
  readonly file: ParsedFile;
  /** Where this layer's content sits in its file ([] for the file itself). */
  readonly prefix: readonly (string | number)[];
}

interface Found {
  readonly node: Node;
  readonly depth: number;
}

const itemId = (v: Plain | undefined): string | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof v.id === 'string' ? v.id : null;

/** Walks one layer's nodes along `path`; `keyNode` returns the key of the last step, not its value. */
function walk(layer: Layer, merged: Plain, path: readonly PropertyKey[], keyNode: boolean): Found | null {
  let node: unknown = layer.file.doc.contents;
  for (const seg of layer.prefix) node = child(node, seg, false);
  if (!node) return null;
  let found: Found = { node: node as Node, depth: 0 };
  let data: Plain | undefined = merged;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    let step: string | number = typeof seg === 'number' ? seg : String(seg);
    if (Array.isArray(data) && typeof seg === 'number') {
      const id = itemId(data[seg]);
      if (id !== null && isSeq(node)) {
        // The k-th item with this id in the merged list is the k-th in the file (k > 0 only for duplicates).
        const k = data.slice(0, seg).filter((v) => itemId(v) === id).length;
        const indices = node.items.flatMap((it, j) => (isMap(it) && isScalar(it.get('id', true)) && String((it.get('id', true) as { value: unknown }).value) === id ? [j] : []));
        const index = indices[Math.min(k, indices.length - 1)];
        if (index === undefined) return found;
        step = index;
      }
    }
    const last = i === path.length - 1;
    const next = child(node, step, keyNode && last);
    if (!next) return found;
    node = next;
    data = Array.isArray(data) ? data[Number(seg)] : data && typeof data === 'object' ? (data as Record<string, Plain>)[String(seg)] : undefined;
    found = { node: next as Node, depth: i + 1 };
  }
  return found;
}

function child(node: unknown, seg: string | number, wantKey: boolean): unknown {
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
    if (!pair) return null;
    return wantKey ? pair.key : pair.value ?? pair.key;
  }
  if (isSeq(node) && typeof seg === 'number') return node.items[seg] ?? null;
  return null;
}

/**
 * The problem, located in the last layer that sets the whole path, else at the deepest partial
 * match (the mapping where a required key is missing, say).
 */
export function locateProblem(layers: readonly Layer[], merged: Plain, path: readonly PropertyKey[], message: string, hint?: string, keyNode = false): Problem {
  let best: { layer: Layer; found: Found } | null = null;
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    const found = walk(layer, merged, path, keyNode);
    if (!found) continue;
    if (found.depth === path.length) return problemAt(layer.file, found.node.range?.[0] ?? 0, message, hint);
    if (!best || found.depth > best.found.depth) best = { layer, found };
  }
  const where = best ?? { layer: layers[layers.length - 1]!, found: null };
  return problemAt(where.layer.file, where.found?.node.range?.[0] ?? 0, message, hint);
}
