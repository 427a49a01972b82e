/**
 * The laws of thaw's world, checked on random valid scenarios (random initial worlds, parameters,
 * rule switches and scenario events) and seeds: a shadow ledger (./ledger.ts) replays each trace
 * and every property below asserts that one law is never broken.
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { runScenario } from '../../src/run-scenario.js';
import { createWorld, heldCount, initialCount, releasedCount } from '../../src/world/create.js';
import { arrestIntoCohort, liftSanction, rearrestFromHome, rearrestNamed, releaseFromCohort, releaseNamed } from '../../src/world/recipes.js';
import { ROUTES } from '../../src/world/types.js';
import { announceSeed, checkProperty, checkRuns } from './fc-config.js';
import { runExampleArb, scenarioArb } from './arbitraries.js';
import { expectNo, type Invariant } from './ledger.js';

announceSeed('world laws');

const law = (invariant: Invariant, title: string) =>
  it(title, () => checkRuns(invariant, runExampleArb(), ({ scenario, seed }) => expectNo(invariant, scenario, runScenario(scenario, { seed }))));

describe('laws of the world, on random scenarios and seeds', () => {
  law('conservation', 'conservation: held + released = initial + arrests + re-arrests, by cohort, by route, month by month and in the outcome; waves + pardons = released');
  law('never-held-again', 'a released person is never held or offered again unless a scenario event re-arrests them');
  law('non-negative', 'no count goes negative and no deal frees more than a cohort holds; interest and hostility stay in 0..1');
  law('months-one-at-a-time', 'months advance one at a time from the start month');
  law('deals-name-rules', 'every deal, offer and event names its rules (known ids, the track\'s own rules among them)');
});

describe('conservation at the level of the world\'s recipes', () => {
  const op = fc.oneof(
    fc.record({ kind: fc.constant('cohort' as const), index: fc.nat(), count: fc.integer({ min: -5, max: 400 }), route: fc.constantFrom(...ROUTES) }),
    fc.record({ kind: fc.constant('named' as const), index: fc.nat(), route: fc.constantFrom(...ROUTES) }),
    fc.record({ kind: fc.constant('rearrest' as const), index: fc.nat() }),
    fc.record({ kind: fc.constant('arrest' as const), index: fc.nat(), count: fc.integer({ min: -5, max: 400 }) }),
    fc.record({ kind: fc.constant('home-rearrest' as const), index: fc.nat(), count: fc.integer({ min: -5, max: 400 }) }),
  );
  it('releases take exactly what they free from that cohort and nowhere else; arrests and re-arrests are counted, never undone', () => {
    checkProperty(fc.tuple(scenarioArb({ events: false }), fc.array(op, { maxLength: 12 })), ([scenario, ops]) => {
      let w = createWorld(scenario);
      let rearrests = 0;
      let arrests = 0;
      for (const o of ops) {
        const before = w;
        if (o.kind === 'arrest' || o.kind === 'home-rearrest') {
          const c = w.cohorts[o.index % w.cohorts.length]!;
          w = o.kind === 'arrest' ? arrestIntoCohort(w, c.id, o.count) : rearrestFromHome(w, c.id, o.count);
          const moved = o.kind === 'arrest' ? Math.max(0, o.count) : Math.max(0, Math.min(o.count, c.atHome));
          if (o.kind === 'arrest') arrests += moved; else rearrests += moved;
          const after = w.cohorts.find((x) => x.id === c.id)!;
          if (after.held !== c.held + moved) throw new Error(`${o.kind}: ${c.id} holds ${after.held}, expected ${c.held + moved}`);
          if (o.kind === 'home-rearrest' && after.atHome !== c.atHome - moved) throw new Error('re-arrest did not leave home');
          if (w.arrested !== arrests || w.rearrested !== rearrests) throw new Error('arrest counters off');
        } else if (o.kind === 'cohort') {
          const c = w.cohorts[o.index % w.cohorts.length]!;
          w = releaseFromCohort(w, c.id, o.count, o.route);
          const freed = Math.max(0, Math.min(o.count, c.held));
          w.cohorts.forEach((x, i) => {
            const expected = x.id === c.id ? c.held - freed : before.cohorts[i]!.held;
            if (x.held !== expected) throw new Error(`cohort ${x.id} holds ${x.held}, expected ${expected}`);
          });
          if (w.releasedByRoute[o.route] !== before.releasedByRoute[o.route] + freed) throw new Error('route count off');
          if ((w.releasedByCohort[c.id] ?? 0) !== (before.releasedByCohort[c.id] ?? 0) + freed) throw new Error('cohort release count off');
          const home = w.cohorts.find((x) => x.id === c.id)!.atHome;
          if (home !== c.atHome + (o.route === 'home' ? freed : 0)) throw new Error(`freed at home: ${home}, expected ${c.atHome} + ${o.route === 'home' ? freed : 0}`);
        } else if (w.named.length > 0) {
          const p = w.named[o.index % w.named.length]!;
          if (o.kind === 'named') {
            w = releaseNamed(w, p.id, o.route);
            const freed = p.status === 'held' ? 1 : 0;
            if (w.named.find((x) => x.id === p.id)!.status !== 'released') throw new Error(`${p.id} still held`);
            if (w.releasedByRoute[o.route] !== before.releasedByRoute[o.route] + freed) throw new Error(`a named release counted ${w.releasedByRoute[o.route] - before.releasedByRoute[o.route]} times`);
          } else {
            w = rearrestNamed(w, p.id);
            if (p.status === 'released') rearrests += 1;
            if (w.named.find((x) => x.id === p.id)!.status !== 'held') throw new Error(`${p.id} not re-arrested`);
          }
        }
        const released = releasedCount(w);
        if (heldCount(w) + released !== initialCount(w) + arrests + rearrests) throw new Error(`held ${heldCount(w)} + released ${released} ≠ initial ${initialCount(w)} + ${arrests} + ${rearrests}`);
        if (w.cohorts.some((c) => c.held < 0)) throw new Error('a cohort went negative');
      }
      // Sanctions are untouched by releases.
      if (JSON.stringify(w.sanctions) !== JSON.stringify(createWorld(scenario).sanctions)) throw new Error('a release moved a sanction');
      const lifted = liftSanction(w, w.sanctions[0]!.id);
      if (lifted.sanctions[0]!.status !== 'lifted' || lifted.sanctions.slice(1).some((s, i) => s !== w.sanctions[i + 1])) throw new Error('liftSanction moved another sanction');
    });
  });
});
