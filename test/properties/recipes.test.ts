/**
 * The world changes only through its recipes, and each recipe changes only what it is named
 * after: on random worlds, every recipe is compared with the same change written out by hand.
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { createWorld, heldCount, initialCount, issuerOf } from '../../src/world/create.js';
import * as R from '../../src/world/recipes.js';
import { ROUTES, TALKS_STATES, type World } from '../../src/world/types.js';
import { addMonths, isMonthKey, monthIndex, monthKey, monthName, nextMonth } from '../../src/world/month.js';
import { isOn } from '../../src/rules/switches.js';
import { RULE_IDS } from '../../src/rules/ids.js';
import { formatParagraphs } from '../../src/rules/catalogue.js';
import { announceSeed, checkProperty } from './fc-config.js';
import { ruleSwitches, scenarioArb } from './arbitraries.js';

announceSeed('recipes');

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const same = (a: unknown, b: unknown, what: string) => {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  if (x !== y) throw new Error(`${what}:\n  got      ${x.slice(0, 400)}\n  expected ${y.slice(0, 400)}`);
};

const worldArb = scenarioArb({ events: false }).map(createWorld);
const amount = fc.double({ min: -2, max: 2, noNaN: true });

describe('each recipe changes only what it is named after', () => {
  it('scalar recipes: month, talks, transit, balloons, drivers, threat, hostility, interest', () => {
    checkProperty(fc.record({ w: worldArb, talks: fc.constantFrom(...TALKS_STATES), x: amount, on: fc.boolean(), n: fc.integer({ min: 0, max: 5 }), who: fc.constantFrom('lithuania' as const, 'poland' as const) }), ({ w, talks, x, on, n, who }) => {
      const rel = (h: number): World['relations'] => ({ ...w.relations, [who]: { hostility: h } });
      same(R.advanceMonth(w), { ...w, month: addMonths(w.month, 1) }, 'advanceMonth');
      same(R.setTalks(w, talks), { ...w, talks }, 'setTalks');
      same(R.openTransit(w), { ...w, transitOpen: true }, 'openTransit');
      same(R.closeTransit(w), { ...w, transitOpen: false }, 'closeTransit');
      same(R.stopBalloons(w), { ...w, balloons: false }, 'stopBalloons');
      same(R.resumeBalloons(w), { ...w, balloons: true }, 'resumeBalloons');
      same(R.freeLorryDrivers(w), { ...w, lorryDriversHeld: 0 }, 'freeLorryDrivers');
      same(R.threatenConfiscation(w, on), { ...w, confiscationThreat: on }, 'threatenConfiscation');
      same(R.recordIncident(w, x, n), { ...w, relations: { ...w.relations, lithuania: { hostility: clamp01(w.relations.lithuania.hostility + x) } }, lorryDriversHeld: w.lorryDriversHeld + n }, 'recordIncident');
      same(R.recordIncident(w, x), { ...w, relations: { ...w.relations, lithuania: { hostility: clamp01(w.relations.lithuania.hostility + x) } } }, 'recordIncident without drivers');
      same(R.calmRelations(w, who, x), { ...w, relations: rel(clamp01(w.relations[who].hostility - x)) }, 'calmRelations');
      same(R.setHostility(w, who, x), { ...w, relations: rel(clamp01(x)) }, 'setHostility');
      same(R.setUsInterest(w, x), { ...w, usInterest: clamp01(x) }, 'setUsInterest');
    });
  });

  it('sanction recipes move one sanction, stamp the month, and leave a sanction already there alone', () => {
    checkProperty(fc.record({ w: worldArb, i: fc.nat() }), ({ w, i }) => {
      const s = w.sanctions[i % w.sanctions.length]!;
      // A change of status is also appended to the run's sanction history; a no-op is not.
      const moved = (status: 'active' | 'lifted') => (s.status === status ? w : {
        ...w,
        sanctions: w.sanctions.map((x) => (x.id === s.id ? { ...x, status, changedIn: w.month } : x)),
        sanctionChanges: [...w.sanctionChanges, { id: s.id, month: w.month, status }],
      });
      same(R.liftSanction(w, s.id), moved('lifted'), 'liftSanction');
      same(R.reimposeSanction(w, s.id), moved('active'), 'reimposeSanction');
      for (const issuer of ['us', 'eu', 'poland', 'lithuania'] as const) {
        for (const status of ['active', 'lifted'] as const) same(R.sanctionsOf(w, issuer, status).map((x) => x.id), w.sanctions.filter((x) => x.issuer === issuer && x.status === status).map((x) => x.id), `sanctionsOf ${issuer} ${status}`);
      }
      if (issuerOf(s.id) !== s.issuer) throw new Error(`issuerOf(${s.id}) is ${issuerOf(s.id)}`);
    });
  });

  it('release recipes free from one cohort or person, count by route and cohort, and keep the totals', () => {
    checkProperty(fc.record({ w: worldArb, i: fc.nat(), count: fc.double({ min: -3, max: 500, noNaN: true }), route: fc.constantFrom(...ROUTES) }), ({ w, i, count, route }) => {
      const c = w.cohorts[i % w.cohorts.length]!;
      const n = Math.max(0, Math.min(Math.floor(count), c.held));
      same(R.releaseFromCohort(w, c.id, count, route), {
        ...w,
        // Freed at home, they stay within the regime's reach (R19, R23).
        cohorts: w.cohorts.map((x) => (x.id === c.id ? { ...x, held: x.held - n, ...(route === 'home' ? { atHome: x.atHome + n } : {}) } : x)),
        releasedByRoute: { ...w.releasedByRoute, [route]: w.releasedByRoute[route] + n },
        releasedByCohort: { ...w.releasedByCohort, [c.id]: (w.releasedByCohort[c.id] ?? 0) + n },
      }, 'releaseFromCohort');
      if (w.named.length) {
        const p = w.named[i % w.named.length]!;
        const freed = R.releaseNamed(w, p.id, route);
        if (p.status === 'released') same(freed, w, 'releaseNamed of someone already free');
        else same(freed, {
          ...w,
          named: w.named.map((x) => (x.id === p.id ? { ...x, status: 'released', route, releasedIn: w.month } : x)),
          releasedByRoute: { ...w.releasedByRoute, [route]: w.releasedByRoute[route] + 1 },
          releasedByCohort: { ...w.releasedByCohort, [p.id]: (w.releasedByCohort[p.id] ?? 0) + 1 },
        }, 'releaseNamed');
        same(R.rearrestNamed(freed, p.id), { ...freed, rearrested: freed.rearrested + 1, named: freed.named.map((x) => (x.id === p.id ? { ...x, status: 'held' } : x)) }, 'rearrestNamed');
      }
      const held = w.cohorts.reduce((a, x) => a + x.held, 0) + w.named.filter((p) => p.status === 'held').length;
      if (heldCount(w) !== held) throw new Error(`heldCount ${heldCount(w)} ≠ ${held}`);
      if (initialCount(w) !== w.cohorts.reduce((a, x) => a + x.initial, 0) + w.named.filter((p) => p.heldAtStart).length) throw new Error('initialCount');
    });
  });

  it('unknown ids are errors, never silent no-ops', () => {
    checkProperty(worldArb, (w) => {
      for (const f of [() => R.releaseFromCohort(w, 'nobody', 1, 'lithuania'), () => R.releaseNamed(w, 'nobody', 'poland'), () => R.rearrestNamed(w, 'nobody'), () => R.liftSanction(w, 'us.nothing'), () => R.reimposeSanction(w, 'eu.nothing'), () => issuerOf('xx.nothing')]) {
        let message = '';
        try { f(); } catch (error) { message = (error as Error).message; }
        if (!/nobody|nothing/.test(message)) throw new Error(`an unknown id passed silently or with an unhelpful error: "${message}"`);
      }
    }, 0.2);
  });
});

describe('the calendar and the world\'s start', () => {
  const key = fc.tuple(fc.integer({ min: 1100, max: 9900 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
  // Years 1100–9900 so that ±500 months stay four-digit (a start of 9999-12 would leave YYYY-MM: see docs/testing.md).
  it('months: keys round-trip, add like integers, and the month after is one month on, named in words', () => {
    const NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    checkProperty(fc.tuple(key, fc.integer({ min: -500, max: 500 })), ([k, n]) => {
      const [y, m] = k.split('-').map(Number) as [number, number];
      if (!isMonthKey(k)) throw new Error(`${k} not recognised`);
      if (monthIndex(k) !== y * 12 + m - 1) throw new Error(`monthIndex(${k})`);
      if (monthKey(monthIndex(k)) !== k) throw new Error(`round trip ${k}`);
      if (monthIndex(addMonths(k, n)) !== monthIndex(k) + n) throw new Error(`addMonths(${k}, ${n})`);
      if (nextMonth(k) !== addMonths(k, 1) || nextMonth(k) !== addMonths(k, 1)) throw new Error(`nextMonth(${k})`);
      if (monthName(k) !== `${NAMES[m - 1]} ${y}`) throw new Error(`monthName(${k}) is ${monthName(k)}`);
      if (isMonthKey(`${k}x`) || isMonthKey(`x${k}`) || isMonthKey(`${y}-${m + 12}`)) throw new Error('a malformed month passes');
    });
  });

  it('the start world is the scenario\'s, every person held now counted as initial', () => {
    checkProperty(scenarioArb({ events: false }), (s) => {
      const w = createWorld(s);
      // A cohort's arrest settings (R18) stay in the scenario; the world counts the flows, from 0.
      same(w.cohorts, s.world.cohorts.map(({ arrestShare: _s, arrestRate: _r, ...c }) => ({ ...c, initial: c.held, arrested: 0, rearrested: 0, atHome: 0 })), 'cohorts');
      same([w.arrested, w.rearrested, w.pardoned, w.trust, w.sanctionChanges.length, w.releasedByRoute.home], [0, 0, 0, s.world.trust, 0, 0], 'open-world counters');
      same(w.named, s.world.named.map((p) => ({ ...p, heldAtStart: p.status === 'held' })), 'named');
      same(w.sanctions.map((x) => x.issuer), s.world.sanctions.map((x) => x.id.split('.')[0]), 'issuers');
      same([w.month, w.talks, w.transitOpen, w.balloons, w.lorryDriversHeld, w.confiscationThreat, w.usInterest, w.relations.lithuania.hostility, w.relations.poland.hostility],
        [s.start, s.world.talks, s.world.transitOpen, s.world.balloons, s.world.lorryDriversHeld, s.world.confiscationThreat, s.world.usInterest, s.world.hostility.lithuania, s.world.hostility.poland], 'scalars');
      same([w.releasedByRoute, w.releasedByCohort], [{ lithuania: 0, ukraine: 0, poland: 0, home: 0, served: 0 }, {}], 'counts start at zero');
      if (initialCount(w) !== heldCount(w)) throw new Error('at the start, held = initial');
    }, 0.3);
  });

  it('rule switches: a rule is on unless switched off explicitly', () => {
    checkProperty(ruleSwitches, (sw) => {
      for (const id of RULE_IDS) if (isOn(sw, id) !== (sw[id] !== false)) throw new Error(id);
    }, 0.3);
    if (formatParagraphs([5, 6, 7, 30]) !== '5–7, 30' && formatParagraphs([5, 6, 7, 30]) !== '5-7, 30') throw new Error(`formatParagraphs: ${formatParagraphs([5, 6, 7, 30])}`);
  });
});
