/** Where an output came from: enough to tell two outputs apart and to replay either. */
export interface Provenance {
  readonly version: string;
  readonly scenario: string;
  readonly branch: string | null;
  readonly seed: number;
  /** The `--set PATH=VALUE` settings, in the order they were applied (after the branch). */
  readonly settings: readonly string[];
  /** The fingerprint of the resolved scenario (src/scenario/fingerprint.ts), as sweep files carry it. */
  readonly fingerprint: string;
}
