/**
 * Which machine moves a story tells. Within a month a machine may go out and come back (Warsaw
 * waiting → bargaining → waiting in every month without a deal): the round trip is already told
 * by the month's offers and events, and repeating it every month drowns the changes that last. So
 * the story names an agent's moves only when the month leaves it in another state than it began
 * in; the trace (`months[].moves` in the JSON) and the report's month stepper keep every move.
 */
import type { AgentMove } from '../simulation/trace.js';

export function lastingMoves(moves: readonly AgentMove[]): AgentMove[] {
  const span = new Map<string, { from: string; to: string }>();
  for (const m of moves) {
    const s = span.get(m.agent);
    if (s) s.to = m.to;
    else span.set(m.agent, { from: m.from, to: m.to });
  }
  return moves.filter((m) => {
    const s = span.get(m.agent)!;
    return s.from !== s.to;
  });
}
