/**
 * Each agent's named guards at their boundaries, stepped through the same `Agent` the simulation
 * uses: a threshold moved by one step, a rule switched off, or a switch taken mid-run must change
 * what the machine does.
 */
import { describe, expect, it } from 'vitest';
import { Agent } from '../../src/agents/index.js';
import { belarusMachine } from '../../src/agents/belarus.js';
import { euMachine } from '../../src/agents/eu.js';
import { lithuaniaMachine } from '../../src/agents/lithuania.js';
import { polandMachine } from '../../src/agents/poland.js';
import { usMachine, type UsObservation } from '../../src/agents/us.js';
import { scenario } from '../support/scenarios.js';
import type { RuleSwitches } from '../../src/rules/switches.js';

const p = scenario().agents;
const below = (x: number) => x - 1e-9;

describe('belarus', () => {
  const start = (rules: RuleSwitches = {}, escalating = true) => new Agent(belarusMachine, { params: p.belarus, rules, escalating });

  it('counts one incident when the draw falls under the balloon chance, and only then', () => {
    const b = start();
    expect(b.state).toBe('escalating');
    b.send({ type: 'OBSERVE', incidentDraw: below(p.belarus.balloonChance) });
    expect(b.context.incidents).toBe(1);
    b.send({ type: 'OBSERVE', incidentDraw: p.belarus.balloonChance });
    b.send({ type: 'OBSERVE', incidentDraw: 0.99 });
    expect(b.context.incidents).toBe(1);
    b.send({ type: 'OBSERVE', incidentDraw: 0 });
    expect(b.context.incidents).toBe(2);
  });

  it('launches nothing with R10 off, until a scenario switches it back on', () => {
    const b = start({ R10: false });
    b.send({ type: 'OBSERVE', incidentDraw: 0 });
    expect(b.context.incidents).toBe(0);
    b.send({ type: 'RULES', rules: {} });
    b.send({ type: 'OBSERVE', incidentDraw: 0 });
    expect(b.context.incidents).toBe(1);
    b.send({ type: 'RULES', rules: { R10: false } });
    b.send({ type: 'OBSERVE', incidentDraw: 0 });
    expect(b.context.incidents).toBe(1);
  });

  it('calms on a commitment, stays calm whatever it draws, and can relapse', () => {
    const b = start();
    b.send({ type: 'COMMIT_CALM' });
    expect(b.state).toBe('calm');
    b.send({ type: 'OBSERVE', incidentDraw: 0 });
    expect(b.context.incidents).toBe(0);
    b.send({ type: 'RELAPSE' });
    expect(b.state).toBe('escalating');
    expect(start({}, false).state).toBe('calm');
  });
});

describe('eu', () => {
  const start = (rules: RuleSwitches = {}) => new Agent(euMachine, { params: p.eu, rules });
  const observe = (releasedSoFar: number, reviewDraw: number, hasActiveSanction = true) =>
    ({ type: 'OBSERVE', view: { releasedSoFar, reviewDraw, hasActiveSanction } }) as const;

  it('abstains while R12 holds, whatever happens', () => {
    const e = start();
    expect(e.state).toBe('abstaining');
    e.send(observe(10_000, 0));
    expect(e.state).toBe('abstaining');
  });

  it('with R12 off, reviews once releases reach the threshold and the review draw comes up', () => {
    const t = p.eu.releaseThreshold;
    const e = start({ R12: false });
    expect(e.state).toBe('watching');
    e.send(observe(t - 1, 0));
    expect(e.state).toBe('watching');
    e.send(observe(t, p.eu.reviewChance));
    expect(e.state).toBe('watching');
    e.send(observe(t, below(p.eu.reviewChance)));
    expect(e.state).toBe('offering');
    e.send({ type: 'NO_DEAL' });
    expect(e.state).toBe('watching');
    e.send(observe(t, 0));
    e.send({ type: 'DEAL' });
    expect(e.state).toBe('watching');
    e.send(observe(t, 0.99, false));
    expect(e.state).toBe('eased');
  });

  it('follows R12 switched mid-run, both ways, and keeps the switches it was given', () => {
    const e = start();
    e.send({ type: 'RULES', rules: { R09: false } });
    expect(e.state).toBe('abstaining');
    expect(e.context.rules).toEqual({ R09: false });
    e.send({ type: 'RULES', rules: { R12: false } });
    expect(e.state).toBe('watching');
    expect(e.context.rules).toEqual({ R12: false });
    e.send({ type: 'RULES', rules: { R12: false, R05: false } });
    expect(e.state).toBe('watching');
    expect(e.context.rules).toEqual({ R12: false, R05: false });
    e.send({ type: 'RULES', rules: {} });
    expect(e.state).toBe('abstaining');
  });
});

describe('lithuania', () => {
  const L = p.lithuania;
  const start = (rules: RuleSwitches = {}, threatening = false, transitOpen = false) =>
    new Agent(lithuaniaMachine, { params: L, rules, transitOpen, threatening });
  const observe = (hostility: number, talkDraw = 0.99, transitOpen = false) =>
    ({ type: 'OBSERVE', view: { hostility, talkDraw, transitOpen } }) as const;

  it('threatens exactly at the threshold, and drops the threat only well below it', () => {
    const l = start();
    l.send(observe(below(L.confiscationThreshold)));
    expect(l.state).toBe('hardline');
    l.send(observe(L.confiscationThreshold));
    expect(l.state).toBe('threatening');
    l.send(observe(L.confiscationThreshold - 0.15));
    expect(l.state).toBe('threatening');
    l.send(observe(below(L.confiscationThreshold - 0.15)));
    expect(l.state).toBe('hardline');
    const off = start({ R10: false });
    off.send(observe(1));
    expect(off.state).toBe('hardline');
  });

  it('talks transit only with R09 off, calm enough, and when the talk draw comes up', () => {
    const on = start();
    on.send(observe(0, 0));
    expect(on.state).toBe('hardline');
    const l = start({ R09: false });
    l.send(observe(L.openingHostility + 0.01, 0));
    expect(l.state).toBe('hardline');
    l.send(observe(L.openingHostility, L.talkChance));
    expect(l.state).toBe('hardline');
    l.send(observe(L.openingHostility, below(L.talkChance)));
    expect(l.state).toBe('talking');
    l.send({ type: 'NO_DEAL' });
    expect(l.state).toBe('hardline');
    const t = start({ R09: false }, true);
    t.send(observe(L.openingHostility, 0));
    expect(t.state).toBe('talking');
    t.send({ type: 'DEAL' });
    expect(t.state).toBe('transitOpen');
  });

  it('takes R09 switched mid-run', () => {
    const l = start();
    l.send({ type: 'RULES', rules: { R09: false } });
    l.send(observe(0, 0));
    expect(l.state).toBe('talking');
  });

  it('follows the world when a scenario opens or closes Klaipėda', () => {
    const l = start({}, true);
    l.send(observe(0.5, 0.99, true));
    expect(l.state).toBe('transitOpen');
    l.send(observe(0.5, 0.99, true));
    expect(l.state).toBe('transitOpen');
    l.send(observe(0.5, 0.99, false));
    expect(l.state).toBe('hardline');
    expect(start({}, false, true).state).toBe('transitOpen');
    expect(start({}, true).state).toBe('threatening');
  });
});

describe('poland', () => {
  const start = () => new Agent(polandMachine, { params: p.poland, rules: {} });
  const observe = (priorityHeld: boolean, roundDraw: number) => ({ type: 'OBSERVE', view: { priorityHeld, roundDraw } }) as const;

  it('sits down only while its person is held and the round draw comes up', () => {
    const pl = start();
    pl.send(observe(true, p.poland.talkChance));
    expect(pl.state).toBe('waiting');
    pl.send(observe(false, 0));
    expect(pl.state).toBe('waiting');
    pl.send(observe(true, below(p.poland.talkChance)));
    expect(pl.state).toBe('bargaining');
    pl.send({ type: 'NO_DEAL' });
    expect(pl.state).toBe('waiting');
    pl.send(observe(true, 0));
    pl.send({ type: 'DEAL' });
    expect(pl.state).toBe('settled');
    pl.send(observe(true, 0));
    expect(pl.state).toBe('settled');
  });
});

describe('us', () => {
  const U = p.us;
  const start = (interest = 0.75, rules: RuleSwitches = {}) => new Agent(usMachine, { params: U, rules, interest });
  const view = (v: Partial<UsObservation>): UsObservation =>
    ({ interest: 0.75, talks: 'stalled', canPrepay: false, hasRelief: true, visitDraw: 0.99, stopDraw: 0.99, ...v });
  const observe = (v: Partial<UsObservation>) => ({ type: 'OBSERVE', view: view(v) }) as const;

  it('starts engaged only at or above its walk-away interest (R06)', () => {
    expect(start(U.walkAwayInterest).state).toBe('engaged');
    expect(start(below(U.walkAwayInterest)).state).toBe('disengaged');
    expect(start(0, { R06: false }).state).toBe('engaged');
  });

  it('prepays once, then visits when the visit draw comes up (R02)', () => {
    const u = start();
    u.send(observe({ canPrepay: true }));
    expect(u.state).toBe('prepaid');
    expect(u.context.prepaid).toBe(true);
    u.send(observe({ visitDraw: U.visitChance }));
    expect(u.state).toBe('prepaid');
    u.send(observe({ visitDraw: below(U.visitChance) }));
    expect(u.state).toBe('visiting');
    u.send({ type: 'NO_DEAL' });
    expect(u.state).toBe('engaged');
    u.send(observe({ canPrepay: true, visitDraw: 0 }));
    expect(u.state).toBe('visiting');
  });

  it('visits with no visit draw at all when R02 is off, but never without relief to give', () => {
    const u = start(0.75, { R02: false });
    u.send(observe({ canPrepay: true }));
    expect(u.state).toBe('visiting');
    const none = start();
    none.send(observe({ hasRelief: false, visitDraw: 0 }));
    expect(none.state).toBe('disengaged');
  });

  it('cools off for exactly its cooling-off months after a wave (R01)', () => {
    const u = start();
    u.send(observe({ visitDraw: 0 }));
    u.send({ type: 'DEAL' });
    expect(u.state).toBe('cooling');
    for (let m = 1; m <= U.cooldownMonths; m++) {
      u.send(observe({ visitDraw: 0 }));
      if (m < U.cooldownMonths) expect(u.state).toBe('cooling');
    }
    expect(u.state).toBe('cooling');
    u.send(observe({ visitDraw: 0 }));
    expect(u.state).toBe('visiting');
  });

  it('drops the dialogue when talks fail and the stop draw comes up (R13)', () => {
    const u = start();
    u.send(observe({ talks: 'failed', stopDraw: U.stopOnFailure }));
    expect(u.state).toBe('engaged');
    u.send(observe({ talks: 'stalled', stopDraw: 0 }));
    expect(u.state).toBe('engaged');
    u.send(observe({ talks: 'failed', stopDraw: below(U.stopOnFailure) }));
    expect(u.state).toBe('disengaged');
    u.send(observe({ talks: 'failed', interest: 1 }));
    expect(u.state).toBe('disengaged');
    u.send(observe({ interest: below(U.reengageInterest) }));
    expect(u.state).toBe('disengaged');
    u.send(observe({ interest: U.reengageInterest }));
    expect(u.state).toBe('engaged');
    const off = start(0.75, { R13: false });
    off.send(observe({ talks: 'failed', stopDraw: 0 }));
    expect(off.state).toBe('engaged');
  });

  it('walks away when interest falls below its walk-away level (R06)', () => {
    const u = start();
    u.send(observe({ interest: U.walkAwayInterest }));
    expect(u.state).toBe('engaged');
    u.send(observe({ interest: below(U.walkAwayInterest) }));
    expect(u.state).toBe('disengaged');
    expect(u.context.interest).toBeCloseTo(U.walkAwayInterest);
  });
});
