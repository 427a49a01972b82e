/**
 * Staged deals (R21) and reneging (R22). A US deal is agreed whole but carried out in batches:
 * the first batch goes free at once, Washington pays the relief once that batch is verified
 * (`trancheGapMonths` later), and each further batch follows the same gap after. At each step
 * the side that owes may renege, with a probability that rises when the talks have failed, when
 * balloons fly, and (for Minsk) as trust falls and as the relief it was paid proves worth less
 * to it than when the deal was agreed (a sanction snapped back, potash that cannot be shipped,
 * R08). Reneging has named consequences: Washington
 * snaps its relief back, Minsk re-arrests some of those the deal freed at home and resumes the
 * balloons, and trust falls (R24), which prices later deals (src/rules/us-valuation.ts).
 */
import type { BelarusParams, UsParams } from '../scenario/schema.js';
import type { Route, Sanction, World } from '../world/types.js';
import { reliefValue } from '../world/valuation.js';
import { liftSanction, reimposeSanction, releaseFromCohort, releaseNamed, rearrestFromHome, resumeBalloons, setTrust } from '../world/recipes.js';
import { isOn, type RuleSwitches } from '../rules/switches.js';
import type { RuleId } from '../rules/ids.js';
import type { RoutedRelease } from '../rules/routes.js';
import type { ChangeRecord } from '../simulation/trace.js';
import { addMonths } from '../world/month.js';

/** A wave as the run keeps it while its batches come (`outcome.waves` is its snapshot). */
export interface WaveState {
  readonly month: string;
  readonly track: 'us-belarus' | 'poland-belarus' | 'eu-belarus' | 'lithuania-belarus';
  readonly scripted: boolean;
  released: number;
  byRoute: Partial<Record<Route, number>>;
  relief: string[];
  readonly tranches: number;
  delivered: number;
  status: 'done' | 'pending' | 'reneged';
  renegedBy: 'belarus' | 'us' | null;
  renegedIn: string | null;
}

/** A staged US deal still being carried out. */
export interface PendingDeal {
  readonly wave: number;
  /** Batches still to free, in order. */
  batches: RoutedRelease[][];
  /** Relief agreed; paid once the first batch is verified. */
  readonly relief: readonly string[];
  paid: boolean;
  /** The month the next step (payment or batch) is due. */
  due: string;
  /** People this deal freed at home, by cohort: those Minsk can jail again if it reneges. */
  readonly home: Map<string, number>;
  /** What the relief was worth to Minsk when the deal was agreed, in relief points (`reliefWorth`). */
  readonly promised: number;
}

/**
 * What the sanctions `ids` are worth to Minsk in `world`, in relief points: the relief it enjoys
 * with them lifted less the relief with them in force (R08's potash logistics included). Asked
 * of relief still to come, it is what lifting it would add; with `liftedOnly`, of relief paid,
 * what the part still lifted adds (nothing once snapped back).
 */
export function reliefWorth(world: World, ids: readonly string[], logistics: boolean, liftedOnly = false): number {
  if (ids.length === 0) return 0;
  const as = (status: Sanction['status']) => ({
    transitOpen: world.transitOpen,
    sanctions: world.sanctions.map((s) => (ids.includes(s.id) && !(liftedOnly && s.status !== 'lifted') ? { ...s, status } : s)),
  });
  return reliefValue(as('lifted'), logistics) - reliefValue(as('active'), logistics);
}

/** R22: how far the relief paid falls short of what was promised, 0 (worth it all) … 1 (worth nothing). */
export function reliefShortfall(promised: number, delivered: number): number {
  if (!(promised > 0)) return 0;
  return Math.min(1, Math.max(0, 1 - delivered / promised));
}

/**
 * R21: splits a deal's routed releases into `tranches` batches: named people in the first (they
 * are what the US verifies first), each cohort's people spread as evenly as whole people allow,
 * the first batches taking the remainder. Empty batches are dropped.
 */
export function splitBatches(routed: readonly RoutedRelease[], tranches: number): RoutedRelease[][] {
  const t = Math.max(1, Math.floor(tranches));
  const batches: RoutedRelease[][] = Array.from({ length: t }, () => []);
  for (const r of routed) {
    if (r.named) { batches[0]!.push(r); continue; }
    const each = Math.floor(r.count / t);
    const extra = r.count - each * t;
    for (let i = 0; i < t; i++) {
      const n = each + (i < extra ? 1 : 0);
      if (n > 0) batches[i]!.push({ ...r, count: n });
    }
  }
  return batches.filter((b) => b.length > 0);
}

/** R22: the chance that Minsk withholds the batch it owes this month; `shortfall` from `reliefShortfall`. */
export function belarusRenegeChance(world: World, p: BelarusParams['renege'], shortfall = 0): number {
  return Math.min(1, p.base + (world.talks === 'failed' ? p.talksFailed : 0) + p.distrust * (1 - world.trust) + p.shortfall * shortfall);
}

/** R22: the chance that Washington withholds the relief it owes this month. */
export function usRenegeChance(world: World, incident: boolean, p: UsParams['renege']): number {
  return Math.min(1, p.base + (world.talks === 'failed' ? p.talksFailed : 0) + (incident ? p.incident : 0));
}

export interface StepResult {
  readonly world: World;
  /** The deal is finished (done or broken). */
  readonly over: boolean;
  /** Minsk resumes the balloons: its machine must hear RELAPSE. */
  readonly relapse: boolean;
  readonly changes: readonly ChangeRecord[];
}

/** Frees one batch; returns the world and who actually went (a cohort may hold fewer by now). */
function freeBatch(world: World, batch: readonly RoutedRelease[], home: Map<string, number>): { world: World; freed: RoutedRelease[] } {
  let w = world;
  const freed: RoutedRelease[] = [];
  for (const r of batch) {
    const before = w.releasedByRoute[r.route];
    w = r.named ? releaseNamed(w, r.id, r.route) : releaseFromCohort(w, r.id, r.count, r.route);
    const n = w.releasedByRoute[r.route] - before;
    if (n > 0) freed.push({ ...r, count: n });
    if (n > 0 && r.route === 'home' && !r.named) home.set(r.id, (home.get(r.id) ?? 0) + n);
  }
  return { world: w, freed };
}

export function addToWave(wave: WaveState, freed: readonly RoutedRelease[]): void {
  for (const r of freed) {
    wave.released += r.count;
    wave.byRoute[r.route] = (wave.byRoute[r.route] ?? 0) + r.count;
  }
}

const people = (rs: readonly RoutedRelease[]) => rs.map((r) => ({ id: r.id, count: r.count, route: r.route }));

/**
 * One due step of a staged deal: Washington's payment after a verified batch, or Minsk's next
 * batch. `draw` is this deal's uniform for the month (from the open world's stream).
 */
export function stepPending(
  world: World, deal: PendingDeal, wave: WaveState, month: string, draw: number, incident: boolean,
  us: UsParams, by: BelarusParams, rules: RuleSwitches,
): StepResult {
  const changes: ChangeRecord[] = [];
  const r22 = isOn(rules, 'R22');
  const r24 = isOn(rules, 'R24');
  const trustBy = (w: World, delta: number) => (r24 ? setTrust(w, w.trust + delta) : w);
  let w = world;
  const renege = (who: 'us' | 'belarus', chance: number, worth?: { readonly delivered: number; readonly shortfall: number }): StepResult => {
    const rs: RuleId[] = ['R21', 'R22'];
    if (r24) rs.push('R24');
    const round = (x: number) => Math.round(x * 1000) / 1000;
    // The cause, in numbers: relief worth less than promised (Minsk's side) is named with both worths.
    const cause: Record<string, number> = worth && worth.shortfall > 0 ? { promised: round(deal.promised), delivered: round(worth.delivered), shortfall: round(worth.shortfall) } : {};
    changes.push({ kind: 'renege', actor: who, track: 'us-belarus', people: people(deal.batches.flat()), sanctions: deal.paid ? [] : [...deal.relief],
      numbers: { wave: deal.wave, probability: round(chance), trustBefore: round(w.trust), ...cause }, rules: rs });
    w = trustBy(w, -us.trustLoss);
    wave.status = 'reneged';
    wave.renegedBy = who;
    wave.renegedIn = month;
    if (who === 'belarus') {
      // Washington snaps back what it paid; Minsk jails again some of those it let out at home.
      const back = wave.relief.filter((id) => w.sanctions.find((s) => s.id === id)?.status === 'lifted');
      for (const id of back) w = reimposeSanction(w, id);
      if (back.length) changes.push({ kind: 'snapback', actor: 'us', track: 'us-belarus', people: [], sanctions: back, numbers: { wave: deal.wave }, rules: ['R22'] });
      const again: { id: string; count: number }[] = [];
      for (const [id, n] of deal.home) {
        const before = w.rearrested;
        w = rearrestFromHome(w, id, Math.round(n * by.renegeRearrestShare));
        if (w.rearrested > before) again.push({ id, count: w.rearrested - before });
      }
      if (again.length) changes.push({ kind: 'rearrest', actor: 'belarus', track: 'us-belarus', people: again, sanctions: [], numbers: { wave: deal.wave }, rules: ['R22'] });
    }
    const relapse = !w.balloons && isOn(rules, 'R10');
    if (relapse) w = resumeBalloons(w);
    return { world: w, over: true, relapse, changes };
  };

  if (!deal.paid) {
    const chance = usRenegeChance(w, incident, us.renege);
    if (r22 && draw < chance) return renege('us', chance);
    const paid = deal.relief.filter((id) => w.sanctions.find((s) => s.id === id)?.status === 'active');
    for (const id of paid) w = liftSanction(w, id);
    wave.relief.push(...paid);
    deal.paid = true;
    w = trustBy(w, us.trustGain);
    changes.push({ kind: 'payment', actor: 'us', track: 'us-belarus', people: [], sanctions: paid,
      numbers: { wave: deal.wave, trust: Math.round(w.trust * 1000) / 1000 }, rules: r24 ? ['R21', 'R24'] : ['R21'] });
  } else {
    // What the relief paid is still worth to Minsk against what it was promised (snapped back elsewhere, R08).
    const delivered = reliefWorth(w, wave.relief, isOn(rules, 'R08'), true);
    const shortfall = reliefShortfall(deal.promised, delivered);
    const chance = belarusRenegeChance(w, by.renege, shortfall);
    if (r22 && draw < chance) return renege('belarus', chance, { delivered, shortfall });
    const batch = deal.batches.shift() ?? [];
    const done = freeBatch(w, batch, deal.home);
    w = trustBy(done.world, us.trustGain);
    addToWave(wave, done.freed);
    wave.delivered += 1;
    changes.push({ kind: 'batch', actor: 'belarus', track: 'us-belarus', people: people(done.freed), sanctions: [],
      numbers: { wave: deal.wave, batch: wave.delivered, of: wave.tranches, trust: Math.round(w.trust * 1000) / 1000 }, rules: r24 ? ['R21', 'R24'] : ['R21'] });
  }
  const over = deal.paid && deal.batches.length === 0;
  if (over) wave.status = 'done';
  deal.due = addMonths(month, us.trancheGapMonths);
  return { world: w, over, relapse: false, changes };
}

export { freeBatch };
