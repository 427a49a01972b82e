/**
 * `--set PATH=VALUE` (and sweeps' `--vary`): change one parameter of a resolved scenario by its
 * dotted path, typed like the value it replaces, then validate the whole scenario again.
 * Lists are addressed by item id (`world.cohorts.journalists.held`) or by index.
 */
import { parse as parseYaml } from 'yaml';
import { scenarioSchema, type Scenario } from './schema.js';
import { FORBIDDEN_KEYS } from './merge.js';
import { UserError } from './errors.js';
import { closest } from './suggest.js';
import { RULE_IDS } from '../rules/ids.js';
import { looksLikeDistribution } from '../study/distributions.js';
import { fitDistribution, parameterAt, placeholderOf } from './uncertain.js';
import { setIn, type Setting } from './setting.js';

export { parseSetting, setIn, type Setting } from './setting.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function childKey(container: Json, segment: string, path: string, walked: string[]): string | number {
  if (Array.isArray(container)) {
    const byId = container.findIndex((item) => typeof item === 'object' && item !== null && !Array.isArray(item) && item.id === segment);
    if (byId >= 0) return byId;
    if (/^\d+$/.test(segment) && Number(segment) < container.length) return Number(segment);
    const ids = container.map((item) => (typeof item === 'object' && item !== null && !Array.isArray(item) ? String(item.id) : '')).filter(Boolean);
    throw unknownPath(path, walked, segment, ids);
  }
  if (typeof container === 'object' && container !== null && Object.prototype.hasOwnProperty.call(container, segment)) return segment;
  throw unknownPath(path, walked, segment, typeof container === 'object' && container !== null ? Object.keys(container) : []);
}

function unknownPath(path: string, walked: string[], segment: string, options: string[]): UserError {
  const near = closest(segment, options);
  const at = walked.length ? walked.join('.') : 'the scenario';
  return new UserError(`unknown parameter path "${path}": ${at} has no "${segment}"${near ? `; did you mean "${[...walked, near].join('.')}"?` : options.length ? `; it has: ${options.slice(0, 12).join(', ')}` : ''}`);
}

/**
 * Sanction ids contain a dot (`eu.potash`), so `world.sanctions.eu.potash.weight` must read
 * `eu.potash` as one step: inside a list, the longest run of segments that names an item's id wins.
 */
function joinDottedIds(root: Json, segments: readonly string[]): string[] {
  const steps: string[] = [];
  let node: Json | undefined = root;
  for (let i = 0; i < segments.length; i++) {
    let step = segments[i]!;
    if (Array.isArray(node)) {
      const items: Json[] = node;
      for (let j = segments.length; j > i + 1; j--) {
        const joined = segments.slice(i, j).join('.');
        if (items.some((item) => typeof item === 'object' && item !== null && !Array.isArray(item) && item.id === joined)) {
          step = joined;
          i = j - 1;
          break;
        }
      }
      node = items.find((item) => typeof item === 'object' && item !== null && !Array.isArray(item) && item.id === step) ?? items[Number(step)];
    } else {
      node = typeof node === 'object' && node !== null && Object.prototype.hasOwnProperty.call(node, step) ? (node as { [k: string]: Json })[step] : undefined;
    }
    steps.push(step);
  }
  return steps;
}

/**
 * Converts the raw text to the type of the value it replaces. Numbers are read as a scenario file
 * reads them (YAML 1.2: `1e3`, `0x1F` and `0o17` are numbers; `0b11`, `1_000` and `Infinity` are
 * not), so that `--set` accepts exactly what the file would.
 */
function coerce(raw: string, current: Json, path: string): Json {
  if (typeof current === 'number') {
    let n: unknown;
    try {
      n = parseYaml(raw);
    } catch {
      n = null;
    }
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new UserError(`--set ${path}: expected a number, got "${raw}"`);
    return n;
  }
  if (typeof current === 'boolean') {
    if (raw === 'true' || raw === 'on') return true;
    if (raw === 'false' || raw === 'off') return false;
    throw new UserError(`--set ${path}: expected true or false, got "${raw}"`);
  }
  if (typeof current === 'string' || current === null) return raw;
  throw new UserError(`--set ${path}: only single values can be set (this path holds a ${Array.isArray(current) ? 'list' : 'mapping'})`);
}

/** Where a `--set` path leads in the scenario's data: list items by index, rule switches even when unset. */
export function resolvePath(scenario: Scenario, path: string): (string | number)[] {
  const segments = path.split('.');
  if (segments.some((s) => s === '' || FORBIDDEN_KEYS.has(s))) throw new UserError(`unknown parameter path "${path}"`);
  const root = scenario as unknown as Json;
  // Rule switches are absent until set: `rules.R09` is always a valid path.
  if (segments[0] === 'rules' && segments.length === 2 && (RULE_IDS as readonly string[]).includes(segments[1]!)) return ['rules', segments[1]!];
  const steps = joinDottedIds(root, segments);
  let node: Json = root;
  const walked: string[] = [];
  const at: (string | number)[] = [];
  for (const step of steps) {
    const key = childKey(node, step, path, walked);
    walked.push(step);
    at.push(key);
    node = (node as { [k: string]: Json } & Json[])[key as never] as Json;
  }
  return at;
}

const getIn = (root: Json, at: readonly (string | number)[]): Json | undefined =>
  at.reduce<Json | undefined>((node, key) => (node === undefined || node === null || typeof node !== 'object' ? undefined : (node as { [k: string]: Json } & Json[])[key as never]), root);

/** `--set PATH={ uniform: [0.2, 0.9] }` and friends: a value written as a YAML flow mapping. */
function distributionText(raw: string): unknown {
  if (!raw.startsWith('{')) return undefined;
  try {
    return parseYaml(raw) as unknown;
  } catch {
    throw new UserError(`--set: "${raw}" is not a valid mapping; write e.g. { uniform: [0.2, 0.9] }`);
  }
}

/** Returns a new scenario with the setting applied; unknown paths and bad values are UserErrors. */
export function applySetting(scenario: Scenario, setting: Setting): Scenario {
  const at = resolvePath(scenario, setting.path);
  const data = scenario as unknown as Json;
  const current = getIn(data, at) ?? (at[0] === 'rules' ? true : undefined);
  const written = distributionText(setting.value);
  let value: Json;
  let uncertain = (scenario.uncertain ?? []).filter((u) => u.at.join('.') !== at.join('.'));
  if (written !== undefined && looksLikeDistribution(written)) {
    const fit = fitDistribution(written, parameterAt(at));
    if (!fit.ok) throw new UserError(`--set ${setting.path}: ${fit.message}${fit.hint ? ` (${fit.hint})` : ''}`);
    value = placeholderOf(fit.distribution, fit.integer) as Json;
    uncertain = [...uncertain, { path: setting.path, at, distribution: fit.distribution, integer: fit.integer }];
  } else {
    value = coerce(setting.value, current ?? null, setting.path);
  }
  const { uncertain: _old, ...plain } = setIn(data as unknown as Scenario, at, value);
  void _old;
  const result = scenarioSchema.safeParse(plain);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const why = issue.code === 'too_big' ? `out of range: the maximum is ${String(issue.maximum)}`
      : issue.code === 'too_small' ? `out of range: the minimum is ${String(issue.minimum)}`
        : issue.message;
    throw new UserError(`--set ${setting.path}=${setting.value}: ${why}`);
  }
  return uncertain.length ? { ...result.data, uncertain } : result.data;
}

export const applySettings = (scenario: Scenario, settings: readonly Setting[]): Scenario =>
  settings.reduce(applySetting, scenario);
