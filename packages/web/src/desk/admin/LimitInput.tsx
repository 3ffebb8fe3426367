import { InputNumber, Select, Space } from 'antd';
import { useI18n } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';

/** An amount and its unit (10 分钟, 2 工作日 …), within the server's bounds. */
export function LimitInput<U extends string>({ value, onChange, units, max, disabled, label, testId }: {
  value: { unit: U; amount: number };
  onChange: (next: { unit: U; amount: number }) => void;
  units: readonly U[];
  max: number;
  disabled?: boolean;
  label: string;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <Space.Compact data-testid={testId}>
      <InputNumber
        min={1} max={max} precision={0} value={value.amount} disabled={disabled} style={{ width: 96 }} aria-label={label}
        status={Number.isInteger(value.amount) && value.amount >= 1 && value.amount <= max ? undefined : 'error'}
        onChange={(amount) => onChange({ ...value, amount: typeof amount === 'number' ? amount : Number.NaN })}
      />
      <Select
        value={value.unit} disabled={disabled} style={{ width: 140 }} popupMatchSelectWidth={false} aria-label={`${label} ${t('admin.unit')}`}
        options={units.map((unit) => ({ value: unit, label: t(`admin.unit.${unit}` as MessageKey) }))}
        onChange={(unit: U) => onChange({ ...value, unit })}
      />
    </Space.Compact>
  );
}

export const validLimit = (limit: { amount: number }, max: number) => Number.isInteger(limit.amount) && limit.amount >= 1 && limit.amount <= max;
