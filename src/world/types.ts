/** The world: every stock and lever of the bargaining, as plain immutable data. */

export const TALKS_STATES = ['advancing', 'stalled', 'failed', 'frozen'] as const;
/** Russia–Ukraine peace talks, the exogenous state the rules hinge on (¶8, ¶44–46). */
export type TalksState = (typeof TALKS_STATES)[number];

/** Where deportees are sent (¶15, ¶20). */
export const DEPORTATION_ROUTES = ['lithuania', 'ukraine', 'poland'] as const;
export type Deportation = (typeof DEPORTATION_ROUTES)[number];
/** Every way out of prison: a deportation, or freed at home inside Belarus (R19). */
export const ROUTES = [...DEPORTATION_ROUTES, 'home'] as const;
export type Route = (typeof ROUTES)[number];
/**
 * Every way a release is counted: a route out, or `served`, a sentence ended (R25). A served term
 * is no route anyone chooses, so it is kept out of `ROUTES` (deals and events cannot pick it).
 */
export const EXITS = [...ROUTES, 'served'] as const;
export type Exit = (typeof EXITS)[number];

export const ISSUERS = ['us', 'eu', 'poland', 'lithuania'] as const;
export type Issuer = (typeof ISSUERS)[number];

export type MonthKey = string; // 'YYYY-MM'

export interface Cohort {
  readonly id: string;
  readonly label: string;
  /** Held at the start of the run. */
  readonly initial: number;
  readonly held: number;
  /** What one release is worth to the US president (R06). */
  readonly usProfile: number;
  /** What one release costs the regime as bargaining stock (R03). */
  readonly belarusCost: number;
  /** New arrests into this cohort during the run (R18). */
  readonly arrested: number;
  /** People of this cohort freed at home and jailed again during the run (R23). */
  readonly rearrested: number;
  /** Freed at home during the run and still in Belarus, where they can be jailed again (R19, R23). */
  readonly atHome: number;
}

export interface NamedPrisoner {
  readonly id: string;
  readonly name: string;
  readonly status: 'held' | 'released';
  readonly heldAtStart: boolean;
  readonly route: Route | null;
  readonly releasedIn: MonthKey | null;
  readonly usProfile: number;
  readonly belarusCost: number;
  /** A Nobel laureate: the US insists on the Lithuanian route (R04). */
  readonly laureate: boolean;
  /** A personal enemy of the regime: freed only at a premium (R17). */
  readonly enemy: boolean;
  /** Only the named country's track can buy this person (R07). */
  readonly onlyThrough: Issuer | null;
}

export type SanctionKind = 'potash' | 'other';

export interface Sanction {
  readonly id: string; // starts with its issuer: 'us.potash'
  readonly issuer: Issuer;
  readonly label: string;
  readonly kind: SanctionKind;
  /** Economic weight for Belarus, in relief points. */
  readonly weight: number;
  readonly status: 'active' | 'lifted';
  readonly changedIn: MonthKey | null;
}

/** One change of a sanction's status, for its history (`outcome.sanctionHistory`). */
export interface SanctionChange {
  readonly id: string;
  readonly month: MonthKey;
  readonly status: 'active' | 'lifted';
}

export interface Relations {
  /** 0 calm … 1 open hostility. */
  readonly hostility: number;
}

/** The payers besides Washington whose deals Minsk can keep or break (R21, R22, R24). */
export type TrustPartner = 'eu' | 'lithuania';

export interface World {
  readonly month: MonthKey;
  readonly talks: TalksState;
  readonly cohorts: readonly Cohort[];
  readonly named: readonly NamedPrisoner[];
  readonly sanctions: readonly Sanction[];
  readonly transitOpen: boolean;
  readonly relations: { readonly lithuania: Relations; readonly poland: Relations };
  /** Belarus sends weather balloons over Lithuania (¶18, R10). */
  readonly balloons: boolean;
  /** Lithuanian lorry drivers held in Belarus (¶18). */
  readonly lorryDriversHeld: number;
  /** Lithuania has threatened to confiscate Belarusian assets (¶18, R10). */
  readonly confiscationThreat: boolean;
  /** The US envoy's appetite for the Belarus file, 0…1 (R06, R13). */
  readonly usInterest: number;
  /** Released during the run, by destination; `served` counts those whose sentence ended (R25). */
  readonly releasedByRoute: Readonly<Record<Exit, number>>;
  /** Released during the run, by cohort id (named prisoners count under their own id). */
  readonly releasedByCohort: Readonly<Record<string, number>>;
  /** New political prisoners during the run (R18). */
  readonly arrested: number;
  /** Released people jailed again during the run: named by a scenario event, or freed at home (R23). */
  readonly rearrested: number;
  /** Released outside any deal: unilateral pardons (R20), scenario releases and sentences served (R25). */
  readonly pardoned: number;
  /** Minsk–Washington trust, 0 none … 1 full; it prices later US deals (R24). */
  readonly trust: number;
  /** Minsk's trust record with Brussels and with Vilnius (R24): 1 none broken; it prices their later deals. */
  readonly trustWith: Readonly<Record<TrustPartner, number>>;
  /** Every sanction status change during the run, in order. */
  readonly sanctionChanges: readonly SanctionChange[];
}
