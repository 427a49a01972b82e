/**
 * A deal's one-line `summary` in the run JSON, made from the deal record's fields (track,
 * package, routes, notes): the tracks record the deal, this module says it. Ids, not labels,
 * except a named person's name, as the JSON always had them.
 */
import type { ModelDeal } from '../simulation/trace.js';

/** What a summary needs beyond the record: people's names and the declared tracks' titles. */
export interface DealNames {
  personName(id: string): string;
  trackTitle(id: string): string;
}

const routesText = (d: ModelDeal): string => Object.entries(d.byRoute).map(([r, n]) => `${n} to ${r}`).join(', ');

/** "3 released (2 to ukraine, 1 to lithuania) for us.potash; Minsk promises to stop the balloons" */
export function dealSummary(d: ModelDeal, names: DealNames): string {
  const p = d.package;
  switch (d.track) {
    case 'us-belarus': {
      const notes = d.routeNotes ?? [];
      return `${d.released} released (${routesText(d)}) for ${p.relief.join(' + ')}`
        + `${notes.includes('spite') ? '; most sent away from Lithuania out of spite' : ''}${notes.includes('impulsive') ? ' (route decided on impulse)' : ''}`
        + `${p.commitments.includes('stop-balloons') ? '; Minsk promises to stop the balloons' : ''}`;
    }
    case 'eu-belarus':
      return `${d.released} released (${routesText(d)}) for ${p.relief.join(' + ')}`;
    case 'poland-belarus':
      return `${Object.keys(p.releases).map((id) => names.personName(id)).join(', ')} freed to Poland for ${[...p.relief, ...p.grants].join(' + ')}`;
    case 'lithuania-belarus':
      return `Klaipėda opens to Belarusian potash; Minsk ${p.commitments.length ? `promises ${p.commitments.join(' and ')}` : 'gives'}${d.released ? ` and deports ${d.released} to Lithuania` : ''}`;
    default:
      return `${names.trackTitle(d.track)}: ${(p.items ?? []).join(' + ')}`;
  }
}
