/**
 * Time limits of DOMAIN.md §4 (seed S1 §4.6.3 unless noted), as organisation
 * settings whose defaults are the seed's numbers.
 */
export type LimitUnit = 'minutes' | 'hours' | 'working_days' | 'days' | 'months';

export interface Limit {
  unit: LimitUnit;
  amount: number;
}

export const CLOCK_KINDS = [
  'dispatch', // complaint accepted → processing started, information passed on (10 min)
  'department_reaction', // department receives the form → acknowledges, names a handler (10 min)
  'result', // general 2 h, major 2 working days
  'inquiry_reply', // inquiry not answered at intake → 3 working days
  'transfer_handling', // transfer from another department → handled in 3 days (S3)
  'callback', // result → callback done; its limit is the callback policy's (callbacks/callback-settings.ts)
  'auto_upgrade', // responsible complaint unresolved → major after 1 month
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export interface SlaSettings {
  dispatch: Limit;
  departmentReaction: Limit;
  resultGeneral: Limit;
  resultMajor: Limit;
  inquiryReply: Limit;
  transferHandling: Limit;
  autoUpgrade: Limit;
  /** Warn when this share of the limit has passed (default 80%). */
  warningRatio: number;
  /** Which kinds run the dispatch and department-reaction clocks. */
  dispatchClockKinds: readonly string[];
}

export const DEFAULT_SLA_SETTINGS: SlaSettings = {
  dispatch: { unit: 'minutes', amount: 10 },
  departmentReaction: { unit: 'minutes', amount: 10 },
  resultGeneral: { unit: 'hours', amount: 2 },
  resultMajor: { unit: 'working_days', amount: 2 },
  inquiryReply: { unit: 'working_days', amount: 3 },
  transferHandling: { unit: 'days', amount: 3 },
  autoUpgrade: { unit: 'months', amount: 1 },
  warningRatio: 0.8,
  dispatchClockKinds: ['complaint', 'repair', 'help'],
};

const UNITS: readonly LimitUnit[] = ['minutes', 'hours', 'working_days', 'days', 'months'];

/** Merge an organisation's partial settings over the defaults, refusing nonsense. */
export function resolveSlaSettings(overrides: Partial<SlaSettings> | undefined): SlaSettings {
  const merged = { ...DEFAULT_SLA_SETTINGS, ...overrides };
  for (const [key, value] of Object.entries(merged)) {
    if (value && typeof value === 'object' && 'unit' in value) {
      const limit = value as Limit;
      if (!UNITS.includes(limit.unit) || !Number.isInteger(limit.amount) || limit.amount < 1 || limit.amount > 10_000) {
        throw new RangeError(`SLA setting ${key} is not a valid limit`);
      }
    }
  }
  if (!(merged.warningRatio > 0 && merged.warningRatio < 1)) throw new RangeError('warningRatio must be between 0 and 1');
  return merged;
}
