/**
 * fast-check arbitraries for valid scenarios, derived from the zod schema (src/scenario/schema.ts)
 * wherever it states a range, so that a parameter added there with a range is generated without
 * touching this file. Where the schema leaves a number unbounded, `CAPS` bounds what is generated
 * (and says so). Every generated scenario goes through `scenarioSchema.parse`, so an arbitrary that
 * produced something invalid fails loudly rather than testing a scenario no user could write.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import {
  agentParamsSchema, cohortSchema, namedPrisonerSchema, sanctionSchema, scenarioSchema, talksSchema, worldSchema,
  type Scenario,
} from '../../src/scenario/schema.js';
import { loadScenario, scenarioNames } from '../../src/scenario/load.js';
import { RULE_IDS, type RuleId } from '../../src/rules/ids.js';
import { ISSUERS, ROUTES, TALKS_STATES } from '../../src/world/types.js';
import { addMonths } from '../../src/world/month.js';
import type { RunExample } from './fc-config.js';

/** Upper bounds for numbers the schema leaves open, by the key that holds them. */
const DEFAULT_CAP_VALUE = 10;
const CAPS: Readonly<Record<string, number>> = {
  releaseThreshold: 1000, // euParams: releases the EU waits for
  lorryDriversHeld: 40,
  // Per-person values: the schema allows up to 100 (so that no sum overflows); real ones are ≤ 3.
  usProfile: DEFAULT_CAP_VALUE,
  belarusCost: DEFAULT_CAP_VALUE,
};
const DEFAULT_CAP = DEFAULT_CAP_VALUE;

type AnySchema = z.ZodType;
interface Def { type: string; innerType?: AnySchema; shape?: Record<string, AnySchema>; element?: AnySchema; keyType?: AnySchema; valueType?: AnySchema; entries?: Record<string, string> }
const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** An arbitrary for any value the (sub)schema accepts, read from its checks, enums and shapes. */
export function arbitraryOf(schema: AnySchema, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'default':
    case 'prefault':
    case 'optional':
      return arbitraryOf(def.innerType!, key);
    case 'nullable':
      return fc.option(arbitraryOf(def.innerType!, key), { nil: null });
    case 'object': {
      const shape = (schema as unknown as { shape: Record<string, AnySchema> }).shape;
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, arbitraryOf(v, k)])));
    }
    case 'number': {
      const n = schema as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
      const min = Number.isFinite(n.minValue ?? Number.NaN) ? n.minValue! : 0;
      // A cap bounds what is generated where the schema's own bound is open or far beyond real values.
      const max = CAPS[key] ?? (Number.isFinite(n.maxValue ?? Number.NaN) ? n.maxValue! : DEFAULT_CAP);
      return n.isInt ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...(schema as unknown as { options: string[] }).options);
    case 'array': {
      const element = def.element!;
      if (defOf(element).type === 'enum') return fc.subarray((element as unknown as { options: string[] }).options);
      return fc.array(arbitraryOf(element, key), { maxLength: 3 });
    }
    case 'record': {
      const keys = (def.keyType as unknown as { options?: string[] }).options;
      if (!keys) throw new Error(`arbitraryOf: a record needs enum keys (${key})`);
      return fc.record(Object.fromEntries(keys.map((k) => [k, arbitraryOf(def.valueType!, k)])), { requiredKeys: [] });
    }
    default:
      throw new Error(`arbitraryOf: no arbitrary for a zod ${def.type} at "${key}"; extend test/properties/arbitraries.ts`);
  }
}

/** Some keys of an object schema, each with a value in its range: a patch over a shipped scenario. */
export function patchOf(schema: AnySchema): fc.Arbitrary<Record<string, unknown>> {
  const def = defOf(schema);
  const inner = def.type === 'default' || def.type === 'prefault' ? def.innerType! : schema;
  const shape = (inner as unknown as { shape: Record<string, AnySchema> }).shape;
  return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, defOf(v).type === 'object' || ['default', 'prefault'].includes(defOf(v).type) && defOf(defOf(v).innerType!).type === 'object' ? patchOf(v) : arbitraryOf(v, k)])), { requiredKeys: [] });
}

const shape = <S extends AnySchema>(s: S): Record<string, AnySchema> => {
  const d = defOf(s);
  const inner = d.type === 'default' || d.type === 'prefault' ? d.innerType! : s;
  return (inner as unknown as { shape: Record<string, AnySchema> }).shape;
};

/* ---------- the shipped scenarios, the starting points ---------- */

export const SHIPPED: readonly Scenario[] = scenarioNames().map((n) => loadScenario(n).scenario);
const byName = (name: string) => SHIPPED.find((s) => s.id === name) ?? SHIPPED[0]!;

/* ---------- the initial world ---------- */

const cohortShape = shape(cohortSchema);
const namedShape = shape(namedPrisonerSchema);
const sanctionShape = shape(sanctionSchema);
const worldShape = shape(worldSchema);
const perHead = fc.double({ min: 0, max: 0.05, noNaN: true, noDefaultInfinity: true }); // cohort values (schema: ≥ 0, open)
const personValue = fc.double({ min: 0, max: 6, noNaN: true, noDefaultInfinity: true }); // a named person's (schema: ≥ 0, open)

const cohortArb = (id: string) => fc.record({
  id: fc.constant(id),
  label: fc.constant(`Cohort ${id}`),
  held: fc.oneof(arbitraryOf(cohortShape.held!, 'held') as fc.Arbitrary<number>, fc.integer({ min: 0, max: 600 })),
  usProfile: perHead,
  belarusCost: perHead,
});

const namedArb = (id: string) => fc.record({
  id: fc.constant(id),
  name: fc.constant(`Prisoner ${id}`),
  status: arbitraryOf(namedShape.status!) as fc.Arbitrary<'held' | 'released'>,
  usProfile: personValue,
  belarusCost: personValue,
  laureate: fc.boolean(),
  enemy: fc.boolean(),
  onlyThrough: fc.option(fc.constantFrom(...ISSUERS), { nil: null }),
  route: fc.constantFrom(...ROUTES),
}).map((p) => ({ ...p, route: p.status === 'released' ? p.route : null, releasedIn: p.status === 'released' ? '2025-12' : null }));

const sanctionArb = (id: string) => fc.record({
  id: fc.constant(id),
  label: fc.constant(`Sanction ${id}`),
  kind: arbitraryOf(sanctionShape.kind!) as fc.Arbitrary<'potash' | 'other'>,
  weight: fc.oneof(arbitraryOf(sanctionShape.weight!, 'weight') as fc.Arbitrary<number>, fc.double({ min: 0, max: 30, noNaN: true, noDefaultInfinity: true })),
  status: arbitraryOf(sanctionShape.status!) as fc.Arbitrary<'active' | 'lifted'>,
});

const SANCTION_NAMES = ['potash', 'trade', 'finance', 'visa', 'border'];

/** A random start state: cohorts, named prisoners with random flags, sanctions of every issuer. */
export const randomWorld = fc.record({
  cohortIds: fc.uniqueArray(fc.constantFrom('journalists', 'unionists', 'activists', 'others', 'students'), { minLength: 1, maxLength: 4 }),
  namedIds: fc.uniqueArray(fc.constantFrom('laureate', 'banker', 'singer', 'reporter', 'poczobut'), { maxLength: 4 }),
  sanctionIds: fc.uniqueArray(fc.tuple(fc.constantFrom(...ISSUERS), fc.constantFrom(...SANCTION_NAMES)).map(([i, n]) => `${i}.${n}`), { minLength: 1, maxLength: 8 }),
  scalars: fc.record({
    talks: arbitraryOf(worldShape.talks!),
    usInterest: arbitraryOf(worldShape.usInterest!),
    transitOpen: arbitraryOf(worldShape.transitOpen!),
    balloons: arbitraryOf(worldShape.balloons!),
    lorryDriversHeld: arbitraryOf(worldShape.lorryDriversHeld!, 'lorryDriversHeld'),
    confiscationThreat: arbitraryOf(worldShape.confiscationThreat!),
    hostility: arbitraryOf(worldShape.hostility!),
  }),
}).chain(({ cohortIds, namedIds, sanctionIds, scalars }) => fc.record({
  cohorts: fc.tuple(...cohortIds.map(cohortArb)),
  named: namedIds.length ? fc.tuple(...namedIds.map(namedArb)) : fc.constant([]),
  sanctions: fc.tuple(...sanctionIds.map(sanctionArb)),
}).map((lists) => ({ ...scalars, ...lists })));

/* ---------- rule switches, talks, agents ---------- */

/** Each rule absent (on), or switched explicitly; about a quarter end up off. */
export const ruleSwitches = fc.record(Object.fromEntries(RULE_IDS.map((id) => [id, fc.boolean()])) as Record<RuleId, fc.Arbitrary<boolean>>, { requiredKeys: [] });

/** Rows whose weights add up to 0 are invalid (the talks would have nowhere to go): generated rows never are. */
const rowsCanMove = (talks: unknown): boolean => Object.values(talks as Record<string, Record<string, number>>)
  .every((r) => Object.keys(r).length === 0 || Object.values(r).some((w) => w > 0));
const talksArb = fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: arbitraryOf(talksSchema).filter(rowsCanMove), weight: 1 });
const agentsPatch = fc.oneof({ arbitrary: fc.constant({}), weight: 1 }, { arbitrary: patchOf(agentParamsSchema), weight: 3 });

/* ---------- scenario events (the scenario language's `events`) ---------- */

const hasEvents = 'events' in scenarioSchema.shape;

/** Events that reference the world's own ids, fired at a month within the horizon or on a condition. */
function eventsFor(world: { readonly cohorts: readonly { id: string }[]; readonly named: readonly { id: string }[]; readonly sanctions: readonly { id: string }[] }, start: string, horizon: number): fc.Arbitrary<unknown[]> {
  if (!hasEvents) return fc.constant([]);
  const sanctionIds = world.sanctions.map((s) => s.id);
  const namedIds = world.named.map((p) => p.id);
  const cohortIds = world.cohorts.map((c) => c.id);
  const some = <T>(xs: T[]) => (xs.length ? fc.subarray(xs, { minLength: 1 }) : fc.constant(undefined));
  const effects = fc.record({
    setTalks: fc.constantFrom(...TALKS_STATES),
    liftSanction: some(sanctionIds),
    reimposeSanction: some(sanctionIds),
    releaseNamed: namedIds.length ? fc.constantFrom(...namedIds).chain((id) => fc.constantFrom(...ROUTES).map((r) => ({ [id]: r }))) : fc.constant(undefined),
    releaseFromCohort: fc.constantFrom(...cohortIds).chain((id) => fc.record({ count: fc.integer({ min: 0, max: 200 }), route: fc.constantFrom(...ROUTES) }).map((r) => ({ [id]: r }))),
    rearrestNamed: some(namedIds),
    openTransit: fc.constant(true as const),
    closeTransit: fc.constant(true as const),
    stopBalloons: fc.constant(true as const),
    resumeBalloons: fc.constant(true as const),
    setUsInterest: fc.double({ min: 0, max: 1, noNaN: true }),
    setRules: ruleSwitches,
    // The open world's effects (R18–R22): arrests, pardons (cohort or person, any route), snap-backs, scripted waves.
    arrest: fc.constantFrom(...cohortIds).chain((id) => fc.integer({ min: 0, max: 200 }).map((n) => ({ [id]: n }))),
    pardon: fc.constantFrom(...cohortIds, ...namedIds).chain((id) => fc.record({ count: fc.integer({ min: 0, max: 200 }), route: fc.constantFrom(...ROUTES) }).map((r) => ({ [id]: r }))),
    reimpose: some(sanctionIds),
    deal: fc.constantFrom('us-belarus', 'poland-belarus', 'eu-belarus', 'lithuania-belarus' as const).chain((track) => fc.record({
      track: fc.constant(track),
      releases: fc.constantFrom(...cohortIds, ...namedIds).chain((id) => fc.integer({ min: 1, max: 300 }).map((n) => ({ [id]: n }))),
      route: fc.constantFrom(...ROUTES),
      relief: fc.subarray(sanctionIds.filter((x) => x.startsWith(`${track.split('-')[0]}.`))),
      commitments: fc.subarray(['stop-balloons', 'free-lorry-drivers'] as const),
    })),
  }, { requiredKeys: [] }).map((d) => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)));
  const event = (i: number) => fc.record({
    at: fc.option(fc.integer({ min: 1, max: horizon }).map((m) => addMonths(start, m)), { nil: undefined }),
    when: fc.option(fc.record({ talks: fc.constantFrom(...TALKS_STATES) }), { nil: undefined }),
    chance: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
    repeat: fc.boolean(),
    do: effects,
  }).map((e) => ({ id: `e${i}`, text: `scenario event e${i}`, ...Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) }));
  return fc.integer({ min: 0, max: 3 }).chain((n) => (n === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: n }, (_, i) => event(i)))));
}

/* ---------- whole scenarios ---------- */

export interface ScenarioOptions {
  /** Longest horizon generated (the schema allows 240; runs are kept short for the time budget). */
  readonly maxHorizon?: number;
  readonly events?: boolean;
  readonly rules?: boolean;
}

/** A valid scenario: a shipped one, its world kept or replaced at random, parameters patched within range. */
export function scenarioArb(options: ScenarioOptions = {}): fc.Arbitrary<Scenario> {
  const maxHorizon = options.maxHorizon ?? 24;
  return fc.record({
    base: fc.constantFrom(...SHIPPED.map((s) => s.id)),
    world: fc.option(randomWorld, { nil: undefined, freq: 2 }),
    talks: talksArb,
    agents: agentsPatch,
    rules: options.rules === false ? fc.constant(undefined) : fc.option(ruleSwitches, { nil: undefined }),
    horizon: fc.integer({ min: 1, max: maxHorizon }),
    startIndex: fc.integer({ min: 0, max: 11 }),
  }).chain((g) => {
    const base = byName(g.base);
    const world = g.world ?? (JSON.parse(JSON.stringify(base.world)) as typeof base.world);
    const start = g.world ? addMonths('2025-12', g.startIndex) : base.start;
    const events = options.events === false ? fc.constant([]) : eventsFor(world, start, g.horizon);
    return events.map((ev) => {
      const agents = mergeDeep(JSON.parse(JSON.stringify(base.agents)) as Record<string, unknown>, g.agents);
      // A shipped scenario's uncertain inputs (autumn-2025's) are not part of the file's schema:
      // the random scenario keeps their written values and leaves the draws out.
      const { uncertain: _drawn, ...written } = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
      const candidate: Record<string, unknown> = {
        ...written,
        id: `prop-${g.base}`,
        start,
        horizon: g.horizon,
        world,
        agents,
        rules: { ...base.rules, ...(g.rules ?? {}) },
        ...(g.talks ? { talks: g.talks } : {}),
        ...(hasEvents ? { events: ev, branches: {} } : {}),
      };
      return scenarioSchema.parse(candidate);
    });
  });
}

export function mergeDeep(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const b = out[k];
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b)
      ? mergeDeep(b as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

/** Run seeds: the whole range the CLI accepts. */
export const seedArb = fc.integer({ min: 0, max: 2 ** 32 - 1 });

export const runExampleArb = (options: ScenarioOptions = {}): fc.Arbitrary<RunExample> =>
  fc.record({ scenario: scenarioArb(options), seed: seedArb });

/* ---------- `--set` overrides and branches ---------- */

/** One `--set PATH=VALUE` on an agent parameter, with a value in the parameter's range. */
export const settingArb: fc.Arbitrary<{ path: string; value: number | boolean }> = fc.constantFrom(...Object.keys(shape(agentParamsSchema))).chain((agent) => {
  const params = shape(shape(agentParamsSchema)[agent]!);
  const leaves = Object.entries(params).filter(([, s]) => ['number', 'boolean'].includes(defOf(defOf(s).innerType ?? s).type));
  return fc.constantFrom(...leaves).chain(([key, s]) => (arbitraryOf(s, key) as fc.Arbitrary<number | boolean>).map((value) => ({ path: `agents.${agent}.${key}`, value })));
});

/** A branch: some agent parameters and rule switches patched, as a scenario file would declare it. */
export const branchArb = fc.record({ agents: patchOf(agentParamsSchema), rules: ruleSwitches }, { requiredKeys: [] });
