import type { DecidedNature } from '@huiyin/domain';
import type { ComplaintPlan } from './demo-lifecycle.js';
import type { DemoRandom } from './demo-random.js';
import type { Topic } from './demo-texts.js';

/**
 * How a demo complaint is classified (定性) and handled by nature, read from its
 * topic so that the customer's words, the basis, the explanation or the agency
 * numbers and the result all tell the same story (S1 4.6.1, 4.6.3).
 */

/** Share of responsible complaints the desk has confirmed; the rest still stand as intake left them. */
const RESPONSIBLE_CLASSIFIED = 0.9;
/** Share of assistance complaints whose customer confirms completion (签字确认). */
const CONFIRMED = 0.85;

export interface ComplaintChoice {
  plan: ComplaintPlan;
  /** The nature it ends up handled as. */
  nature: DecidedNature;
  /** After an on-site determination: the result that answers the nature decided. */
  result?: string;
}

export interface ComplaintPeople {
  /** Who signs a confirmation: the customer. */
  customerName: string;
  /** Staff the desk sends to an on-site determination (the department's handler). */
  staff: readonly string[];
}

/** Entries answer the topic's texts one by one when there are as many of them (like Topic.results). */
function fitting(rng: DemoRandom, entries: readonly string[], topic: Topic, textIndex: number): string {
  return entries.length === topic.texts.length ? (entries[textIndex] ?? rng.pick(entries)) : rng.pick(entries);
}

export function chooseComplaintHandling(rng: DemoRandom, topic: Topic, textIndex: number, people: ComplaintPeople): ComplaintChoice {
  const nature = topic.nature;
  if (!nature) return { plan: { nature: rng.chance(RESPONSIBLE_CLASSIFIED) ? 'responsible' : null }, nature: 'responsible' };
  switch (nature.kind) {
    case 'non_responsible':
      return {
        plan: { nature: 'non_responsible', basis: fitting(rng, nature.bases, topic, textIndex), explanation: fitting(rng, nature.explanations, topic, textIndex) },
        nature: 'non_responsible',
      };
    case 'assistance': {
      const plan: ComplaintPlan = {
        nature: 'assistance',
        basis: fitting(rng, nature.bases, topic, textIndex),
        agencies: { services: [...nature.services], note: fitting(rng, nature.notes, topic, textIndex) },
      };
      if (rng.chance(CONFIRMED)) plan.confirmation = { text: rng.pick(nature.confirmations), signerName: people.customerName };
      return { plan, nature: 'assistance' };
    }
    case 'undetermined': {
      const outcome = rng.weighted(nature.outcomes.map((o) => [o, o.weight] as const));
      const plan: ComplaintPlan = {
        nature: outcome.nature,
        basis: outcome.basis,
        determination: { attendees: [...people.staff, ...nature.attendees] },
      };
      if (outcome.explanation) plan.explanation = outcome.explanation;
      return { plan, nature: outcome.nature, result: outcome.result };
    }
  }
}
