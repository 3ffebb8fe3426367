import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../shared/i18n';

/** Pass marks the desk reads a score by: 90 and above good, under 60 failing. */
export const scoreColor = (score: number) => (score >= 90 ? '#389e0d' : score >= 60 ? '#d48806' : '#cf1322');

export const SCORE_BANDS = { good: [90, 100], fair: [60, 89], poor: [0, 59] } as const;
export type ScoreBand = keyof typeof SCORE_BANDS;
export const inBand = (score: number, band: ScoreBand | 'all') => band === 'all' || (score >= SCORE_BANDS[band][0] && score <= SCORE_BANDS[band][1]);

/** A score, with the inspected score beside it when an accepted appeal changed it. */
export function Score({ score, original, size = 16 }: { score: number; original?: number; size?: number }) {
  const { t } = useI18n();
  return (
    <span data-testid="score" data-score={score} style={{ whiteSpace: 'nowrap' }}>
      <span style={{ color: scoreColor(score), fontWeight: 600, fontSize: size, fontVariantNumeric: 'tabular-nums' }}>{score}</span>
      {original !== undefined && original !== score && (
        <Tooltip title={t('language.quality.originalScore')}><Tag style={{ marginInlineStart: 6 }}>{original} → {score}</Tag></Tooltip>
      )}
    </span>
  );
}
