import { useCallback, useEffect, useState } from 'react';
import { App } from 'antd';
import { ApiError, get } from '../../shared/api';
import { useI18n, type Translate } from '../../shared/i18n';
import type { Kind, ReplyMethod, Site } from '../../shared/types';
import { announceReferenceChange } from '../reference-refresh';

/** Shapes of the settings endpoints (packages/server/src/{organisations,sites,settings,calendar,complaints,users}). */

export interface Organisation { id: number; name: string; code: string; numberPrefix: string; createdAt: string }
export interface AdminDepartment { id: number; name: string; siteId: number | null; active: boolean }
export interface AdminCategory { id: number; parentId: number | null; name: string; path: string; active: boolean; sortOrder: number }
export interface RoutingItem { categoryId: number; categoryPath: string; departmentId: number; departmentName: string }

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export interface ServiceHours { weekly: Partial<Record<Weekday, string[]>>; makeupDay?: string[]; openOnRestDays?: boolean }
export interface Recomputed { orders: number; changedClocks: number }
export interface SiteDetail extends Site { serviceHours: ServiceHours | null; calendarVersion?: number; recomputed?: Recomputed }

export const STAFF_ROLES = ['admin', 'supervisor', 'agent', 'handler', 'department_head', 'general_manager'] as const;
export interface UserAccount {
  id: number; username: string; displayName: string; employeeNo: string | null; role: string; siteIds: number[];
  departmentId: number | null; customerId: number | null; disabled: boolean; lockedUntil: string | null; version: number;
}

export const AGENCY_SERVICES = ['water', 'power', 'heating', 'gas', 'cable_tv', 'telephone', 'other'] as const;
export interface Agency { id: number; siteId: number | null; service: string; name: string; phone: string; notes: string | null }

export const DAY_TYPES = ['workday', 'weekend', 'holiday', 'makeup_workday'] as const;
export type DayType = (typeof DAY_TYPES)[number];
export interface CalendarDay { date: string; type: DayType; name?: string; working: boolean; provisional: boolean }
export interface CalendarOverride { id: number; siteId: number | null; date: string; type: DayType; name: string | null; createdBy: number | null; createdAt: string }
export interface OverrideList { items: CalendarOverride[]; officialYears: { statutory: number[]; declared: number[] } }

export const LIMIT_UNITS = ['minutes', 'hours', 'working_days', 'days', 'months'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];
export interface Limit { unit: LimitUnit; amount: number }
/**
 * The limit keys of the server's SLA settings, in the order a work order meets them.
 * The callback deadline is not among them: each callback rule sets its own (CallbacksTab).
 */
export const SLA_LIMIT_KEYS = [
  'dispatch', 'departmentReaction', 'resultGeneral', 'resultMajor', 'inquiryReply', 'transferHandling', 'autoUpgrade',
] as const;
export type SlaLimitKey = (typeof SLA_LIMIT_KEYS)[number];
export type SlaLayer = Partial<Record<SlaLimitKey, Limit>> & { warningRatio?: number; dispatchClockKinds?: Kind[] };

export const CALLBACK_RULE_KEYS = [
  'complaint_responsible_general', 'complaint_responsible_major', 'complaint_non_responsible', 'complaint_assistance',
  'inquiry', 'help', 'repair', 'suggestion', 'praise',
] as const;
export type CallbackRuleKey = (typeof CALLBACK_RULE_KEYS)[number];
export type Requirement = { mode: 'required' } | { mode: 'sampled'; rate: number } | { mode: 'none' };
export interface CallbackRule {
  requirement: Requirement;
  limit: { unit: 'working_days' | 'days'; amount: number };
  methods: ReplyMethod[];
  defaultMethod: ReplyMethod;
  agreedMethod: 'prefer' | 'allow' | 'ignore';
}
export interface CallbackRecordSettings { maxAttempts: number; maxTextLength: number; reopenAtOrWorse: string; satisfiedAtOrBetter: string }
export interface SettingsDocument {
  sla: Required<Omit<SlaLayer, 'dispatchClockKinds'>> & { dispatchClockKinds: Kind[] };
  slaByKind: Partial<Record<Kind, SlaLayer>>;
  slaBySite: Record<string, SlaLayer>;
  callbacks: { policy: { rules: Record<CallbackRuleKey, CallbackRule>; samplingMode: 'jittered' | 'exact' }; record: CallbackRecordSettings };
  calendar: { statutoryYears: number[]; declaredOfficialYears: number[] };
  recomputed?: Recomputed | null;
}

/** The problem's localised title, with the server's detail where it says which field or range is wrong. */
export function problemText(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return t('common.error');
  const detail = typeof error.body.detail === 'string' ? error.body.detail : '';
  return detail && ['validation_failed', 'calendar_invalid', 'settings_invalid'].includes(error.code) ? `${error.title}：${detail}` : error.title;
}

/**
 * Every save gives feedback: a success message, or the server's problem. Returns
 * the result, or undefined when it failed (the form stays as typed).
 */
export function useSave() {
  const { message } = App.useApp();
  const { t } = useI18n();
  return useCallback(async <T,>(action: () => Promise<T>, success: string | ((result: T) => string)): Promise<T | undefined> => {
    try {
      const result = await action();
      message.success(typeof success === 'function' ? success(result) : success);
      announceReferenceChange(); // the desk's pickers and names follow at once
      return result;
    } catch (error) {
      message.error(problemText(t, error));
      return undefined;
    }
  }, [message, t]);
}

/** Load once and on reload(); keeps the last data while reloading so tables do not flash. */
export function useLoad<T>(load: () => Promise<T>): { data: T | null; error: unknown; reload: () => Promise<void> } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}

/**
 * The sites as the server has them now: the desk loads its reference data once
 * at login, and a site added or renamed in the settings must show at once.
 */
export function useSites(initial: Site[]): { sites: Site[]; siteName: (id: number) => string } {
  const { data } = useLoad(useCallback(() => get<{ items: Site[] }>('/sites'), []));
  const sites = data?.items ?? initial;
  return { sites, siteName: (id) => sites.find((s) => s.id === id)?.name ?? `#${id}` };
}

/** "已重算 3 张未结工单的期限" when the change moved deadlines, for the save message. */
export function recomputedText(t: Translate, recomputed: Recomputed | null | undefined): string {
  if (!recomputed || recomputed.orders === 0) return '';
  return t('admin.recomputed', { orders: recomputed.orders, clocks: recomputed.changedClocks });
}
