import type { Generated } from 'kysely';

/**
 * Row types as stored. Conventions that hold on both SQLite and PostgreSQL:
 * - instants are epoch milliseconds (bigint; pg's int8 parser is set to Number),
 * - booleans are 0/1 integers,
 * - structured values are JSON text.
 * Services map rows to API shapes; rows never leave a repository's caller.
 */
export interface OrganisationTable {
  id: Generated<number>;
  name: string;
  code: string;
  number_prefix: string;
  settings_json: string;
  created_at: number;
  calendar_version: Generated<number>;
}

export interface SiteTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  kind: string;
  time_zone: string;
  twenty_four_hour: number;
  service_hours_json: string;
  address: string | null;
  created_at: number;
}

export interface DepartmentTable {
  id: Generated<number>;
  org_id: number;
  site_id: number | null;
  name: string;
  created_at: number;
}

export interface UserTable {
  id: Generated<number>;
  org_id: number;
  username: string;
  display_name: string;
  employee_no: string | null;
  role: string;
  site_ids_json: string; // [] = every site of the organisation
  department_id: number | null;
  customer_id: number | null;
  password_hash: string;
  failed_logins: number;
  locked_until: number | null;
  disabled: number;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface SessionTable {
  id: string; // sha256 of the token: a leaked table does not leak sessions
  user_id: number;
  org_id: number;
  csrf_token: string;
  kind: string; // 'browser' | 'token'
  created_at: number;
  expires_at: number;
}

export interface CustomerTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  title: string | null;
  customer_type: string | null;
  notes: string | null;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface CustomerPhoneTable {
  id: Generated<number>;
  org_id: number;
  customer_id: number;
  phone: string;
  is_primary: number;
}

export interface CustomerUnitTable {
  id: Generated<number>;
  org_id: number;
  customer_id: number;
  site_id: number;
  label: string;
}

export interface CategoryTable {
  id: Generated<number>;
  org_id: number;
  parent_id: number | null;
  name: string;
  path: string;
  sort_order: number;
  active: number;
}

export interface WorkOrderTable {
  id: Generated<number>;
  org_id: number;
  site_id: number;
  number: string;
  kind: string;
  channel: string;
  status: string;
  customer_id: number;
  contact_phone: string | null;
  unit: string | null;
  description: string;
  category_id: number | null;
  agreed_reply_method: string | null;
  agreed_reply_at: number | null;
  received_at: number;
  received_by: number;
  owner_id: number | null;
  department_id: number | null;
  handler_id: number | null;
  result: string | null;
  cancel_reason: string | null;
  due_at: number | null;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
  version: number;
  nature: string | null;
  severity: string | null;
  classified_at: number | null;
  classified_by: number | null;
  collective_group_id: number | null;
  dispatched_at: number | null;
  result_at: number | null;
  determination_at: number | null;
  customer_confirmed_at: number | null;
  upgrade_suggested: number | null;
}

export interface WorkOrderEventTable {
  id: Generated<number>;
  org_id: number;
  work_order_id: number;
  type: string;
  actor_id: number | null;
  at: number;
  data_json: string;
  customer_visible: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  org_id: number;
  actor_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  at: number;
  request_id: string | null;
}

export interface NumberSequenceTable {
  org_id: number;
  day: string;
  last_value: number;
}

export interface IdempotencyKeyTable {
  org_id: number;
  user_id: number;
  key: string;
  request_hash: string;
  work_order_id: number;
  created_at: number;
}

export interface WorkOrderSearchTable {
  work_order_id: number;
  org_id: number;
  tokens: string; // space-joined segmented words, simplified script
}

export interface SlaClockTable {
  id: Generated<number>;
  org_id: number;
  work_order_id: number;
  kind: string;
  state: string;
  limit_json: string;
  started_at: number;
  paused_ms: number;
  paused_at: number | null;
  pause_reason: string | null;
  due_at: number;
  warn_at: number;
  provisional: number;
  calendar_version: number;
  warned_at: number | null;
  breached_at: number | null;
  met_at: number | null;
  updated_at: number;
}

export interface NotificationTable {
  id: Generated<number>;
  org_id: number;
  user_id: number;
  work_order_id: number | null;
  type: string;
  data_json: string;
  created_at: number;
  read_at: number | null;
}

export interface CallbackTable {
  id: Generated<number>;
  org_id: number;
  work_order_id: number;
  outcome: string;
  status: string;
  methods_json: string;
  sample_month: string | null;
  sample_index: number | null;
  attempts: number;
  method: string | null;
  rating: string | null;
  customer_words: string | null;
  done_at: number | null;
  done_by: number | null;
  created_at: number;
  version: number;
}

export interface SampleCounterTable {
  org_id: number;
  month: string;
  last_index: number;
}

export interface CollectiveGroupTable {
  id: Generated<number>;
  org_id: number;
  site_id: number;
  summary: string;
  created_at: number;
}

export interface CalendarOverrideTable {
  id: Generated<number>;
  org_id: number;
  site_id: number | null;
  date: string;
  type: string;
  name: string | null;
  created_by: number | null;
  created_at: number;
}

export interface AgencyTable {
  id: Generated<number>;
  org_id: number;
  site_id: number | null;
  service: string;
  name: string;
  phone: string;
  notes: string | null;
  created_at: number;
}

export interface Database {
  organisations: OrganisationTable;
  sites: SiteTable;
  departments: DepartmentTable;
  users: UserTable;
  sessions: SessionTable;
  customers: CustomerTable;
  customer_phones: CustomerPhoneTable;
  customer_units: CustomerUnitTable;
  categories: CategoryTable;
  work_orders: WorkOrderTable;
  work_order_events: WorkOrderEventTable;
  audit_log: AuditLogTable;
  number_sequences: NumberSequenceTable;
  idempotency_keys: IdempotencyKeyTable;
  work_order_search: WorkOrderSearchTable;
  sla_clocks: SlaClockTable;
  notifications: NotificationTable;
  callbacks: CallbackTable;
  sample_counters: SampleCounterTable;
  collective_groups: CollectiveGroupTable;
  calendar_overrides: CalendarOverrideTable;
  agencies: AgencyTable;
}
