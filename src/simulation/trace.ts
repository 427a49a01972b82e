/** What a run records: one entry per month, and the outcome at the end. This is the JSON contract. */
import type { RuleId } from '../rules/ids.js';
import type { Exit, Route, TalksState } from '../world/types.js';
import type { Commitment, Grant, SideOffer } from '../negotiation/package.js';

/** The five built-in agents, in the order the run steps them; the one list every module reads. */
export const AGENT_IDS = ['belarus', 'us', 'lithuania', 'poland', 'eu'] as const;
export type AgentId = (typeof AGENT_IDS)[number];
/** The article's four tracks, in the order a month runs them. */
export const BUILT_IN_TRACKS = ['us-belarus', 'poland-belarus', 'eu-belarus', 'lithuania-belarus'] as const;
export type TrackId = (typeof BUILT_IN_TRACKS)[number];
export const isBuiltInAgent = (id: string): id is AgentId => (AGENT_IDS as readonly string[]).includes(id);
export const isBuiltInTrack = (id: string): id is TrackId => (BUILT_IN_TRACKS as readonly string[]).includes(id);
/** A track a scenario declares (`tracks:` in YAML): any id but the four above. */
export type DeclaredTrackId = string & { readonly declared?: never };
/** An actor a scenario declares (`actors:` in YAML), party to one declared track: any id but the five. */
export type DeclaredActorId = string & { readonly actor?: never };
/** Who can sit at a table: one of the five agents, or a declared actor. */
export type PartyId = AgentId | DeclaredActorId;

export interface PackageView {
  /** Cohort or person id → how many. */
  readonly releases: Readonly<Record<string, number>>;
  readonly headcount: number;
  readonly relief: readonly string[];
  readonly grants: readonly Grant[];
  readonly commitments: readonly Commitment[];
  readonly sideOffers: readonly SideOffer[];
  /** A declared track's items in the package (absent on the four built-in tracks). */
  readonly items?: readonly string[];
}

/**
 * What happened, as the model records it: a code, and the ids and numbers behind it. The
 * sentence (`TraceEvent.text`) is made from it in src/report/event-words.ts, never by the model.
 */
export type EventFact =
  | { readonly code: 'talks'; readonly from: TalksState; readonly to: TalksState }
  /** R10: balloons close Vilnius airport, or a Lithuanian lorry driver is detained. */
  | { readonly code: 'balloons' | 'driver-detained' }
  /** R10, R11: Vilnius threatens confiscation, or lets the threat drop. */
  | { readonly code: 'confiscation-threat' | 'threat-dropped' }
  /** A machine's change of posture worth a line in the story. */
  | { readonly code: 'vilnius-will-talk' | 'us-drops-dialogue' | 'us-loses-interest' | 'us-ready-again' | 'us-reengages' | 'envoy-arrives' }
  | { readonly code: 'us-moves'; readonly from: string; readonly to: string }
  /** R02: a US sanction lifted up front. */
  | { readonly code: 'prepay'; readonly sanction: string }
  /** R06: everyone held is worth less to Washington than its cheapest item costs it. */
  | { readonly code: 'us-no-bid'; readonly worth: number; readonly cost: number }
  /** R08: transit is worth less to Minsk than its promises would cost. */
  | { readonly code: 'minsk-no-bid'; readonly worth: number; readonly cost: number }
  /** A scenario event fired: its index in the scenario's `events`. */
  | { readonly code: 'scenario'; readonly event: number };
export type EventCode = EventFact['code'];

/** A trace event as the model records it (no words). */
export interface ModelEvent {
  readonly kind: 'talks' | 'incident' | 'threat' | 'concession' | 'posture' | 'interest' | 'scenario';
  readonly actor: AgentId | 'talks' | 'scenario';
  readonly fact: EventFact;
  readonly rules: readonly RuleId[];
}

/** A trace event as the run JSON carries it: the model's record and its sentence. */
export interface TraceEvent extends ModelEvent {
  readonly text: string;
}

/**
 * The open world's records (R18–R25), structured: what kind of change, who did it, which people
 * (cohort or person id, how many, where to) and sanctions, the numbers behind it, and the rules.
 * The words are made by the reports (src/report/), never here.
 */
export type ChangeKind =
  | 'arrest' // new political prisoners (R18; a scenario `arrest`)
  | 'pardon' // released outside any deal (R20; a scenario `pardon`)
  | 'rearrest' // people freed at home jailed again (R23, or R22 after Minsk reneges)
  | 'served' // prisoners walking out at the end of their sentence (R25)
  | 'batch' // a later batch of a staged deal freed (R21)
  | 'payment' // relief paid once a batch is verified (R21)
  | 'renege' // a side breaks a staged deal (R22)
  | 'snapback' // relief re-imposed after Minsk reneged (R22)
  | 'wave'; // a scripted deal carried out (a scenario `deal`)

export interface ChangeRecord {
  readonly kind: ChangeKind;
  readonly actor: AgentId | 'scenario';
  readonly track?: TrackId;
  readonly people: readonly { readonly id: string; readonly count: number; readonly route?: Exit }[];
  readonly sanctions: readonly string[];
  /** Grants paid or taken back with the sanctions (Klaipėda transit, on the Lithuania track); absent when none. */
  readonly grants?: readonly Grant[];
  /** e.g. `count`, `wave` (index into `outcome.waves`), `probability`, `trust`. */
  readonly numbers: Readonly<Record<string, number>>;
  readonly rules: readonly RuleId[];
}

/** One deal or scripted wave, as `outcome.waves` lists it; staged deals fill in as batches come. */
export interface WaveRecord {
  readonly month: string;
  readonly track: TrackId;
  readonly scripted: boolean;
  readonly released: number;
  readonly byRoute: Readonly<Partial<Record<Route, number>>>;
  /** Relief actually given (lifted by this wave, snapped back or not). */
  readonly relief: readonly string[];
  readonly tranches: number;
  readonly delivered: number;
  /** `done`, still `pending` at the end, or broken by one side (R22). */
  readonly status: 'done' | 'pending' | 'reneged';
  readonly renegedBy: 'belarus' | 'us' | 'eu' | 'lithuania' | null;
  readonly renegedIn: string | null;
}

type Numbers<K extends string> = { readonly [k in K]: number };

/**
 * Why the recipient answered so, as the model records it: a code and the numbers it weighed
 * (`worth` what the package is worth to the recipient, `cost`/`price`/`reservation`/`bar` what it
 * held that against, `count` how many people). The words (`OfferRecord.reason`) are made in
 * src/report/offer-words.ts.
 */
export type OfferWhy =
  | ({ readonly code: 'worth-covers-cost' | 'worth-above-cost' | 'cost-above-worth' | 'transit-above-cost' } & Numbers<'worth' | 'cost' | 'count'>)
  | ({ readonly code: 'worth-too-little' } & Numbers<'worth'>)
  | ({ readonly code: 'transit-below-cost' } & Numbers<'worth' | 'count'>)
  | ({ readonly code: 'releases-clear-reservation' | 'releases-below-reservation' } & Numbers<'worth' | 'reservation' | 'count'>)
  | ({ readonly code: 'clears-bar' | 'below-bar' } & Numbers<'got' | 'asked' | 'bar'>)
  | ({ readonly code: 'calm-above-price' | 'calm-short-of-price' | 'relief-above-price' | 'price-above-all-relief' | 'price-above-relief'
      | 'package-meets-price' | 'best-short-of-price' } & Numbers<'worth' | 'price'>)
  | ({ readonly code: 'clears-reservation' | 'short-of-reservation' } & Numbers<'worth' | 'reservation'>)
  | { readonly code: 'not-for-sale' };
export type OfferCode = OfferWhy['code'];

/** One offer and its answer, as the model records it (no words). */
export interface ModelOffer {
  /** One of the four tracks (`TrackId`), or the id of a track the scenario declares. */
  readonly track: TrackId | DeclaredTrackId;
  readonly exchange: number;
  readonly from: PartyId;
  readonly to: PartyId;
  readonly kind: 'offer' | 'counter';
  readonly package: PackageView;
  readonly answer: 'accept' | 'counter' | 'walk';
  /** Why the recipient answered so: a code and its numbers. */
  readonly why: OfferWhy;
  readonly rules: readonly RuleId[];
  /** What the package is worth to each party, in relief points (src/negotiation/protocol.ts). */
  readonly values: Readonly<Record<string, number>>;
  /** Each party's reservation value at that moment: the least it must get to say yes. */
  readonly reservations: Readonly<Record<string, number>>;
  /** Why this answer was not a yes, when it was a walk (and on a track's last offer without a deal). */
  readonly blockedBy?: BlockedBy;
}

/** An offer as the run JSON carries it: the model's record and, in words, why it was answered so. */
export interface OfferRecord extends ModelOffer {
  readonly reason: string;
}

/**
 * Why a negotiation ended without a deal: a red line (a constraint apart from value, named by
 * its rule), a value gap (what `party` needs minus what it was offered, > 0), or the deadline
 * (the exchanges a visit allows ran out while something was left to try).
 */
export type BlockedBy =
  | { readonly kind: 'red-line'; readonly rule: RuleId; readonly party: PartyId }
  | { readonly kind: 'value-gap'; readonly party: PartyId; readonly gap: number }
  | { readonly kind: 'deadline' };

export type BlockedKind = BlockedBy['kind'];
export const BLOCKED_KINDS: readonly BlockedKind[] = ['red-line', 'value-gap', 'deadline'];

/** One package of a round's deal space (`thaw run --deal-space`). */
export interface SpacePackage {
  readonly package: PackageView;
  /** Party id → what the package is worth to it. */
  readonly values: Readonly<Record<string, number>>;
  /** Party id → the least it must get for this package (what it gives up, priced its own way). */
  readonly reservations: Readonly<Record<string, number>>;
  /** Party id → value minus reservation: its gain over no deal. */
  readonly surplus: Readonly<Record<string, number>>;
  /** False when the package crosses a red line (`redLine` names it). */
  readonly feasible: boolean;
  readonly redLine?: RuleId;
}

/**
 * A negotiation round's deal space (src/negotiation/deal-space.ts): the packages of its issue
 * space (all of them, or the documented sample when `sampled`), the Pareto frontier (indices into
 * `packages`), the Nash and Kalai–Smorodinsky points (a package index, or null for no deal), and
 * whether a zone of possible agreement existed.
 */
/**
 * How a deal space's packages were drawn from a large issue space: `items` of the `ofItems` relief
 * items bundled (the heaviest), and `counts` release counts of 0 to `ofCounts` along the track's
 * order. The words (`DealSpaceRecord.sampled`) are made in src/report/space-words.ts.
 */
export interface Sampling {
  readonly items?: number;
  readonly ofItems?: number;
  readonly counts?: number;
  readonly ofCounts?: number;
}

/** A round's deal space as the model records it (no words). */
export interface ModelSpace extends Omit<DealSpaceRecord, 'sampled' | 'sampling'> {
  /** How the packages were sampled, when not all of them are listed. */
  readonly sampling: Sampling | null;
}

export interface DealSpaceRecord {
  readonly track: TrackId | DeclaredTrackId;
  readonly parties: readonly [PartyId, PartyId];
  /** How the packages were drawn from the issue space, when not all of them are listed, in words. */
  readonly sampled: string | null;
  readonly packages: readonly SpacePackage[];
  readonly pareto: readonly number[];
  readonly nash: { readonly index: number | null; readonly surplus: Readonly<Record<string, number>> };
  readonly ks: { readonly index: number | null; readonly surplus: Readonly<Record<string, number>> };
  readonly zopa: boolean;
  readonly sampling: Sampling | null;
}

/** How Minsk chose a US deal's routes (R05): out of spite (most away from Lithuania), or on impulse. */
export type RouteNote = 'spite' | 'impulsive';

/** A deal as the model records it (no words). */
export interface ModelDeal {
  /** One of the four tracks (`TrackId`), or the id of a track the scenario declares. */
  readonly track: TrackId | DeclaredTrackId;
  readonly parties: readonly PartyId[];
  readonly package: PackageView;
  readonly released: number;
  readonly byRoute: Readonly<Partial<Record<Route, number>>>;
  /** Who went where: cohort or person id, how many, destination. */
  readonly routed: readonly { readonly id: string; readonly count: number; readonly route: Route }[];
  readonly lifted: readonly string[];
  readonly rules: readonly RuleId[];
  /** A staged deal (R21): batches agreed, people still to come, relief still to pay (the package's grants too). */
  readonly staged?: { readonly tranches: number; readonly pending: number; readonly relief: readonly string[] };
  /** How the routes were chosen, when it is worth saying (US deals only). */
  readonly routeNotes?: readonly RouteNote[];
}

/** A deal as the run JSON carries it: the model's record and a one-line summary in words. */
export interface DealRecord extends ModelDeal {
  readonly summary: string;
}

export interface WorldSummary {
  readonly talks: TalksState;
  readonly held: number;
  readonly released: number;
  readonly releasedByRoute: Readonly<Record<Exit, number>>;
  readonly usInterest: number;
  readonly hostilityLithuania: number;
  readonly balloons: boolean;
  readonly transitOpen: boolean;
  readonly confiscationThreat: boolean;
  readonly lifted: readonly string[];
  /** The five's states, then each declared actor's (its track's negotiator machine). */
  readonly agents: Readonly<Record<AgentId, string> & Record<DeclaredActorId, string>>;
  /** New political prisoners so far (R18). */
  readonly arrested: number;
  /** Released people jailed again so far (R23, R22, scenario re-arrests). */
  readonly rearrested: number;
  /** Released outside deals so far (R20, scenario releases, sentences served R25). */
  readonly pardoned: number;
  /** Walked out at the end of their sentence so far (R25); part of `released` and `pardoned`. */
  readonly served: number;
  /** Minsk–Washington trust (R24). */
  readonly trust: number;
}

/** An agent machine changing state: which machine, from and to which state, on which event. */
export interface AgentMove {
  readonly agent: PartyId;
  readonly from: string;
  readonly to: string;
  readonly event: string;
}

/**
 * A month as the model records it: structured records only, no sentences. The run JSON's
 * `MonthRecord` is this with words added by src/report/trace-words.ts.
 */
export interface ModelMonth extends Omit<MonthRecord, 'events' | 'offers' | 'deals' | 'spaces'> {
  readonly spaces?: readonly ModelSpace[];
  readonly events: readonly ModelEvent[];
  readonly offers: readonly ModelOffer[];
  readonly deals: readonly ModelDeal[];
}

export interface MonthRecord {
  readonly month: string;
  readonly talks: TalksState;
  readonly events: readonly TraceEvent[];
  readonly offers: readonly OfferRecord[];
  readonly deals: readonly DealRecord[];
  /** Every change of an agent machine's state this month, in the order it happened. */
  readonly moves: readonly AgentMove[];
  /** The open world's structured records (R18–R25) and scripted waves, in the order they happened. */
  readonly changes: readonly ChangeRecord[];
  readonly world: WorldSummary;
  /** With `--deal-space`: the deal space of each negotiation round this month, in track order. */
  readonly spaces?: readonly DealSpaceRecord[];
}

export interface Outcome {
  readonly prisonersInitial: number;
  readonly prisonersReleased: number;
  readonly prisonersRemaining: number;
  readonly releasedByRoute: Readonly<Record<Exit, number>>;
  readonly named: Readonly<Record<string, 'held' | 'released'>>;
  readonly sanctions: Readonly<Record<string, 'active' | 'lifted'>>;
  readonly transitOpen: boolean;
  readonly deals: number;
  readonly dealsByTrack: Readonly<Record<TrackId, number>>;
  /** Negotiations that ended without a deal, by track and by what blocked them (`BlockedBy`). */
  readonly blocked: Readonly<Record<string, Readonly<Record<BlockedKind, number>>>>;
  /** Deals on the tracks the scenario declares, by track id (empty without any). */
  readonly dealsByDeclaredTrack: Readonly<Record<string, number>>;
  readonly firstDealMonth: string | null;
  readonly belarusReliefValue: number;
  readonly usInterest: number;
  readonly talks: TalksState;
  /** New political prisoners during the run (R18); re-arrests are `prisonersRearrested`. */
  readonly prisonersArrested: number;
  readonly prisonersRearrested: number;
  /** Released outside any deal (R20, scenario releases, R25): waves' releases + pardoned = released. */
  readonly pardoned: number;
  /**
   * Walked out at the end of their sentence (R25): no pardon and no deal, counted in
   * `prisonersReleased`, in `pardoned` (outside any deal) and as `releasedByRoute.served`.
   */
  readonly served: number;
  readonly waves: readonly WaveRecord[];
  /** Staged deals broken by either side (R22). */
  readonly reneged: number;
  /** Sanction id → its status at the start, then every change, in order. */
  readonly sanctionHistory: Readonly<Record<string, readonly { readonly month: string; readonly status: 'active' | 'lifted' }[]>>;
  /** Minsk–Washington trust at the end (R24). */
  readonly trust: number;
  /** Minsk's trust with Brussels and with Vilnius at the end (R24). */
  readonly trustWith: Readonly<Record<'eu' | 'lithuania', number>>;
}

export interface RunResult {
  readonly scenario: string;
  readonly branch: string | null;
  readonly seed: number;
  readonly version: string;
  readonly start: string;
  readonly horizon: number;
  /** The uncertain inputs' values drawn for this run: parameter path → value (empty when none). */
  readonly draws: Readonly<Record<string, number | boolean | string>>;
  readonly months: readonly MonthRecord[];
  readonly outcome: Outcome;
}

/** A run as the model records it (`simulate`): the run JSON (`RunResult`) before the words are added. */
export interface ModelRun extends Omit<RunResult, 'months'> {
  readonly months: readonly ModelMonth[];
}
