/**
 * User text (titles, labels, ids, file names) reaches the terminal in stories, tables and error
 * messages. Terminal control characters in it could move the cursor, recolour or retitle the
 * terminal, so text output shows each one as a visible escape (`\x1b`) instead. Newlines and tabs
 * the report writes itself are kept.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export const neutralise = (text: string): string =>
  text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

/** For one-line fields (a title, a label): newlines and tabs are shown escaped too. */
export const neutraliseLine = (text: string): string => neutralise(text).replace(/\n/g, '\\n').replace(/\t/g, '\\t');
