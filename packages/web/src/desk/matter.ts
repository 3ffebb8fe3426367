import { label, type Translate } from '../shared/i18n';

/**
 * A collective group's summary as the server stored it at detection: building,
 * object and problem, e.g. "3号楼 · 电梯 · fault". The problem is a lexicon code;
 * it is shown in the desk's language, the rest as the customers wrote it.
 */
export function groupSummary(t: Translate, summary: string): string {
  return summary.split(' · ').map((part) => part.split('、').map((p) => label(t, 'matter', p)).join('、')).join(' · ');
}
