/**
 * A trace event's sentence (`TraceEvent.text` in the run JSON), made from the model's record
 * (`EventFact`): the engine records what happened, this module says it.
 */
import type { ScenarioEvent } from '../scenario/schema.js';
import type { EventFact } from '../simulation/trace.js';

/** What a sentence needs beyond the record: sanctions' labels and the scenario's events. */
export interface EventNames {
  sanctionLabel(id: string): string;
  scenarioEvent(index: number): ScenarioEvent | undefined;
}

const fmt = (x: number): string => x.toFixed(1);

/** "Washington lifts US sanctions on Belavia (us.belavia) up front, ahead of a bigger exchange" */
export function eventText(f: EventFact, names: EventNames): string {
  switch (f.code) {
    case 'talks': return `Peace talks: ${f.from} → ${f.to}`;
    case 'driver-detained': return 'A Lithuanian lorry driver is detained in Belarus; Vilnius\'s hostility rises';
    case 'balloons': return 'Weather balloons from Belarus close Vilnius airport; Lithuania\'s hostility rises';
    case 'confiscation-threat': return 'Vilnius threatens to confiscate all Belarusian assets';
    case 'threat-dropped': return 'Vilnius lets its confiscation threat drop as tempers cool';
    case 'vilnius-will-talk': return 'Vilnius signals it will talk about Klaipėda transit';
    case 'us-drops-dialogue': return 'With the peace talks failed, Washington drops the Belarus dialogue';
    case 'us-loses-interest': return 'Washington loses interest in the Belarus file';
    case 'us-ready-again': return 'Washington is ready for another wave';
    case 'us-reengages': return 'Washington re-engages with Minsk';
    case 'envoy-arrives': return 'The US envoy arrives in Minsk to negotiate';
    case 'us-moves': return `US envoy: ${f.from} → ${f.to}`;
    case 'prepay': return `Washington lifts ${names.sanctionLabel(f.sanction)} (${f.sanction}) up front, ahead of a bigger exchange`;
    case 'us-no-bid':
      return `Washington puts nothing on the table: everyone still held is worth ${fmt(f.worth)} to it, less than the ${fmt(f.cost)} its smallest relief item would cost it`;
    case 'minsk-no-bid':
      return `Minsk makes no bid for Klaipėda: transit is worth ${fmt(f.worth)} to it, less than the ${fmt(f.cost)} its promises would cost`;
    case 'scenario': {
      const e = names.scenarioEvent(f.event);
      return e ? describeScenarioEvent(e) : `Scenario event ${f.event}`;
    }
  }
}

/** A scripted event in words: the author's `text`, else what its effects do. */
export function describeScenarioEvent(e: ScenarioEvent): string {
  if (e.text) return e.text;
  const d = e.do;
  const parts: string[] = [];
  if (d.setTalks) parts.push(`peace talks ${d.setTalks}`);
  if (d.liftSanction) parts.push(`${d.liftSanction.join(', ')} lifted`);
  if (d.reimposeSanction) parts.push(`${d.reimposeSanction.join(', ')} reimposed`);
  for (const [id, route] of Object.entries(d.releaseNamed ?? {})) parts.push(`${id} freed to ${route}`);
  for (const [id, r] of Object.entries(d.releaseFromCohort ?? {})) parts.push(`${r.count} ${id} freed to ${r.route}`);
  if (d.rearrestNamed) parts.push(`${d.rearrestNamed.join(', ')} re-arrested`);
  if (d.openTransit) parts.push('Klaipėda transit opens');
  if (d.closeTransit) parts.push('Klaipėda transit closes');
  if (d.stopBalloons) parts.push('the balloons stop');
  if (d.resumeBalloons) parts.push('the balloons resume');
  if (d.recordIncident) parts.push('an incident on the Lithuanian border');
  if (d.freeLorryDrivers) parts.push('the lorry drivers are freed');
  if (d.threatenConfiscation !== undefined) parts.push(d.threatenConfiscation ? 'Vilnius threatens confiscation' : 'Vilnius drops its confiscation threat');
  if (d.setHostility) parts.push('hostility reset');
  if (d.setUsInterest !== undefined) parts.push(`US interest set to ${d.setUsInterest}`);
  for (const [id, on] of Object.entries(d.setRules ?? {})) parts.push(`${id} ${on ? 'on' : 'off'}`);
  for (const [id, n] of Object.entries(d.arrest ?? {})) parts.push(`${n} ${id} arrested`);
  for (const [id, r] of Object.entries(d.pardon ?? {})) parts.push(`${r.count} ${id} pardoned (${r.route})`);
  if (d.reimpose) parts.push(`${d.reimpose.join(', ')} snapped back`);
  if (d.deal) parts.push(`a ${d.deal.track} deal`);
  return `Scenario event ${e.id}: ${parts.join('; ') || 'nothing changes'}`;
}

