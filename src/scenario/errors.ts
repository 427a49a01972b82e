/** A problem in a scenario file, located precisely enough for an editor to jump to it. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly hint?: string;
}

/** Bad user input: the CLI prints the problems and exits 2. */
export class UserError extends Error {
  constructor(message: string, readonly problems: readonly Problem[] = []) {
    super(message);
    this.name = 'UserError';
  }
}

export const formatProblem = (p: Problem): string =>
  `${p.file}:${p.line}:${p.column}: ${p.message}${p.hint ? `\n  hint: ${p.hint}` : ''}`;
