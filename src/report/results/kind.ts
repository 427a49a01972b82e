/**
 * The kind and format version that every result file of thaw declares in its first fields
 * (`"thaw": "sweep-result", "format": 1`), as the JSONL files' headers already do
 * (`"thaw": "sweep"`). `thaw report FILE` dispatches on the pair, and refuses a file of another
 * kind or version by name instead of guessing from its fields. Kept tiny: the commands that
 * write results import it, and they must not load the report's libraries.
 */
export type ResultKindName = 'sweep-result' | 'sensitivity-result' | 'compare-result' | 'study-result';

/** The version of the results' layout; raise it when a field changes meaning or goes away (adding one does not). */
export const RESULT_FORMAT = 1;

export const resultKind = (kind: ResultKindName): { readonly thaw: ResultKindName; readonly format: number } => ({ thaw: kind, format: RESULT_FORMAT });
