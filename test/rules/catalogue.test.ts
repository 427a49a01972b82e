/** How paragraph lists are written wherever a rule is cited: runs of paragraphs as ranges. */
import { expect, it } from 'vitest';
import { formatParagraphs } from '../../src/rules/catalogue.js';

it.each([
  [[], ''],
  [[30], '30'],
  [[5, 6], '5–6'],
  [[5, 6, 7, 30], '5–7, 30'],
  [[7, 31, 43], '7, 31, 43'],
  [[10, 11, 12, 13], '10–13'],
  [[1, 3, 4], '1, 3–4'],
  [[18, 27, 28, 40, 41, 42], '18, 27–28, 40–42'],
])('formatParagraphs(%j) is "%s"', (paragraphs, text) => {
  expect(formatParagraphs(paragraphs)).toBe(text);
});
