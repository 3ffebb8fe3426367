import { createContext, useContext, type ReactNode } from 'react';
import type { Category, Department, Me, Site, Staff } from '../shared/types';
import { DEFAULT_TIME_ZONE } from '../shared/time';

/** Who is signed in and the organisation's reference data, loaded once after login. */
export interface DeskData {
  me: Me;
  sites: Site[];
  departments: Department[];
  categories: Category[];
  staff: Staff[];
  /** Time zone of the first site the user works at: how times are shown. */
  timeZone: string;
  can: (permission: string) => boolean;
  siteName: (id: number) => string;
  departmentName: (id: number | null) => string;
  staffName: (id: number | null) => string;
  timeZoneOf: (siteId: number) => string;
  logout: () => void;
}

const DeskContext = createContext<DeskData | null>(null);

export function DeskProvider({ value, children }: { value: DeskData; children: ReactNode }) {
  return <DeskContext.Provider value={value}>{children}</DeskContext.Provider>;
}

export function useDesk(): DeskData {
  const value = useContext(DeskContext);
  if (!value) throw new Error('useDesk outside DeskProvider');
  return value;
}

export function buildDeskData(me: Me, sites: Site[], departments: Department[], categories: Category[], staff: Staff[], logout: () => void): DeskData {
  const timeZone = sites[0]?.timeZone ?? DEFAULT_TIME_ZONE;
  const permissions = new Set(me.permissions);
  return {
    me, sites, departments, categories, staff, timeZone, logout,
    can: (permission) => permissions.has(permission),
    siteName: (id) => sites.find((s) => s.id === id)?.name ?? `#${id}`,
    departmentName: (id) => (id === null ? '' : departments.find((d) => d.id === id)?.name ?? `#${id}`),
    staffName: (id) => {
      if (id === null) return '';
      const person = staff.find((s) => s.id === id);
      return person ? `${person.name}${person.employeeNo ? `（${person.employeeNo}）` : ''}` : `#${id}`;
    },
    timeZoneOf: (siteId) => sites.find((s) => s.id === siteId)?.timeZone ?? timeZone,
  };
}
