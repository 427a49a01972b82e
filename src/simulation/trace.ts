/** What a run records: one entry per month, and the outcome at the end. This is the JSON contract. */
import type { RuleId } from '../rules/ids.js';
import type { Route, TalksState } from '../world/types.js';
import type { Commitment, Grant, SideOffer } from '../negotiation/package.js';

export type AgentId = 'belarus' | 'us' | 'lithuania' | 'poland' | 'eu';
export type TrackId = 'us-belarus' | 'poland-belarus' | 'eu-belarus' | 'lithuania-belarus';

export interface PackageView {
  /** Cohort or person id → how many. */
  readonly releases: Readonly<Record<string, number>>;
  readonly headcount: number;
  readonly relief: readonly string[];
  readonly grants: readonly Grant[];
  readonly commitments: readonly Commitment[];
  readonly sideOffers: readonly SideOffer[];
}

export interface TraceEvent {
  readonly kind: 'talks' | 'incident' | 'threat' | 'concession' | 'posture' | 'interest' | 'scenario';
  readonly actor: AgentId | 'talks' | 'scenario';
  readonly text: string;
  readonly rules: readonly RuleId[];
}

export interface OfferRecord {
  readonly track: TrackId;
  readonly exchange: number;
  readonly from: AgentId;
  readonly to: AgentId;
  readonly kind: 'offer' | 'counter';
  readonly package: PackageView;
  readonly answer: 'accept' | 'counter' | 'walk';
  /** Why the recipient answered so, in words. */
  readonly reason: string;
  readonly rules: readonly RuleId[];
}

export interface DealRecord {
  readonly track: TrackId;
  readonly parties: readonly AgentId[];
  readonly package: PackageView;
  readonly released: number;
  readonly byRoute: Readonly<Partial<Record<Route, number>>>;
  /** Who went where: cohort or person id, how many, destination. */
  readonly routed: readonly { readonly id: string; readonly count: number; readonly route: Route }[];
  readonly lifted: readonly string[];
  readonly rules: readonly RuleId[];
  readonly summary: string;
}

export interface WorldSummary {
  readonly talks: TalksState;
  readonly held: number;
  readonly released: number;
  readonly releasedByRoute: Readonly<Record<Route, number>>;
  readonly usInterest: number;
  readonly hostilityLithuania: number;
  readonly balloons: boolean;
  readonly transitOpen: boolean;
  readonly confiscationThreat: boolean;
  readonly lifted: readonly string[];
  readonly agents: Readonly<Record<AgentId, string>>;
}

/** An agent machine changing state: which machine, from and to which state, on which event. */
export interface AgentMove {
  readonly agent: AgentId;
  readonly from: string;
  readonly to: string;
  readonly event: string;
}

export interface MonthRecord {
  readonly month: string;
  readonly talks: TalksState;
  readonly events: readonly TraceEvent[];
  readonly offers: readonly OfferRecord[];
  readonly deals: readonly DealRecord[];
  /** Every change of an agent machine's state this month, in the order it happened. */
  readonly moves: readonly AgentMove[];
  readonly world: WorldSummary;
}

export interface Outcome {
  readonly prisonersInitial: number;
  readonly prisonersReleased: number;
  readonly prisonersRemaining: number;
  readonly releasedByRoute: Readonly<Record<Route, number>>;
  readonly named: Readonly<Record<string, 'held' | 'released'>>;
  readonly sanctions: Readonly<Record<string, 'active' | 'lifted'>>;
  readonly transitOpen: boolean;
  readonly deals: number;
  readonly dealsByTrack: Readonly<Record<TrackId, number>>;
  readonly firstDealMonth: string | null;
  readonly belarusReliefValue: number;
  readonly usInterest: number;
  readonly talks: TalksState;
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
