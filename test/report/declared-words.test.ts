/**
 * A declared track in the story says what was offered for what, from its items' labels and who
 * gives each (issue #11): "Washington offers Vilnius more US troops for opening Klaipėda".
 */
import { describe, expect, it } from 'vitest';
import { describeDeal, describeOffer } from '../../src/report/words.js';
import { labelsOf } from '../../src/report/labels.js';
import { renderText } from '../../src/report/text.js';
import { plain as PLAIN } from '../../src/report/style.js';
import { loadScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/run-scenario.js';
import type { DealRecord, PackageView } from '../../src/simulation/trace.js';

const s = loadScenario('us-troops-for-transit').scenario;
const labels = labelsOf(s);
const TRACK = 'us-lithuania-troops';
const items = (...ids: string[]): PackageView => ({ releases: {}, headcount: 0, relief: [], grants: [], commitments: [], sideOffers: [], items: ids });
const offer = (from: 'us' | 'lithuania', kind: 'offer' | 'counter', ...ids: string[]) =>
  ({ track: TRACK, from, to: from === 'us' ? 'lithuania' as const : 'us' as const, kind, package: items(...ids) });

describe('a declared track in words', () => {
  it('an offer names what its proposer gives for what it asks, by the items\' labels', () => {
    expect(describeOffer(offer('us', 'offer', 'us-troops', 'klaipeda-transit'), labels)).toBe('Washington offers Vilnius more US troops for opening Klaipėda');
    expect(describeOffer(offer('lithuania', 'counter', 'klaipeda-transit', 'us-troops', 'rotation-exercises'), labels))
      .toBe('Vilnius comes back offering Washington opening Klaipėda for more US troops and joint rotation exercises');
    expect(describeOffer(offer('us', 'offer', 'klaipeda-transit'), labels)).toBe('Washington asks Vilnius for opening Klaipėda, offering nothing in return');
    expect(describeOffer(offer('us', 'offer', 'us-troops'), labels)).toBe('Washington offers Vilnius more US troops, asking nothing in return');
  });

  it('a deal says who gave what for what; without labels the ids stand in', () => {
    const deal: DealRecord = { track: TRACK, parties: ['us', 'lithuania'], package: items('us-troops', 'klaipeda-transit'), released: 0, byRoute: {},
      routed: [], lifted: [], rules: ['R08', 'R09'], summary: 'x' };
    expect(describeDeal(deal, labels)).toBe('Washington gives Vilnius more US troops for opening Klaipėda');
    expect(describeDeal(deal, labelsOf(null))).toBe('Washington gives Vilnius us-troops and klaipeda-transit, for nothing in return');
    const unlabelled = { ...s, tracks: s.tracks.map((t) => ({ ...t, items: t.items.map(({ label: _label, ...i }) => i) })) };
    expect(describeDeal(deal, labelsOf(unlabelled))).toBe('Washington gives Vilnius us-troops for klaipeda-transit');
  });

  it('the story of the shipped scenario never says "proposes" an item id, nor "promises alone", for the declared track', () => {
    let dealt = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const story = renderText(runScenario(s, { seed }), PLAIN, s.title, s);
      expect(story).not.toMatch(/proposes (us-troops|klaipeda-transit|rotation-exercises)/);
      expect(story).not.toMatch(/Deal \(Washington–Vilnius\): no prisoners/);
      if (story.includes('Deal (Washington–Vilnius): Washington gives Vilnius')) dealt += 1;
    }
    expect(dealt).toBeGreaterThan(0);
  });
});
