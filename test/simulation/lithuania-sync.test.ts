import { describe, expect, it } from 'vitest';
import { scenario } from '../support/scenarios.js';
import { runScenario } from '../../src/run-scenario.js';

describe('Lithuania follows transit changes made by scenario events', () => {
  it('a scenario that opens and later closes Klaipėda moves the Lithuanian machine with it', () => {
    const s = scenario('base', {
      events: [
        { id: 'open', at: '2026-03', do: { openTransit: true } },
        { id: 'close', at: '2026-07', do: { closeTransit: true } },
      ],
    });
    const r = runScenario(s, { seed: 4 });
    const at = (month: string) => r.months.find((m) => m.month === month)!.world;
    expect(at('2026-03')).toMatchObject({ transitOpen: true, agents: { lithuania: 'transitOpen' } });
    expect(at('2026-06').agents.lithuania).toBe('transitOpen');
    expect(at('2026-07').transitOpen).toBe(false);
    expect(at('2026-07').agents.lithuania).not.toBe('transitOpen');
    expect(r.outcome.transitOpen).toBe(false);
  });
});
