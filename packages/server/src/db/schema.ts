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
  active: Generated<number>; // 0011: 0 = deactivated (kept for history, offered for nothing new)
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
  classification_json: string | null; // 0003: the complaint's classification story (complaints/complaint-state.ts)
  matter_json: string | null; // 0009: the complaint text's matter features, extracted at intake (complaints/stored-matter.ts)
  matter_cluster_id: number | null; // 0009: the same-matter cluster intake placed the complaint in (id of its first complaint)
  callback_refused: Generated<number>; // 0005: 1 = the customer refused callbacks (S1 4.6.3.1(14))
  customer_anonymous: Generated<number>; // 0005: 1 = the customer stayed anonymous
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
  // 0005-callbacks: what the callback was decided from, and its final contact.
  rule: string | null;
  reason: string | null;
  limit_json: string | null;
  default_method: string | null;
  result_at: number | null;
  result_month: string | null;
  due_at: number | null;
  contact: string | null;
  updated_at: number | null;
}

export interface CallbackAttemptTable {
  id: Generated<number>;
  org_id: number;
  callback_id: number;
  work_order_id: number;
  attempt: number;
  at: number;
  method: string;
  contact: string; // answered | not_reached | refused
  text: string;
  rating: string | null;
  made_by: number;
  recorded_at: number;
}

export interface SampleCounterTable {
  org_id: number;
  month: string;
  last_index: number;
  // 0005-callbacks: fixed by the month's first sampled order.
  seed: string | null;
  rate_ppm: number | null;
  mode: string | null;
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

export interface LanguageStateTable {
  org_id: number;
  lexicon_version: number;
  seeded_at: number;
}

export interface LanguageRuleTable {
  id: Generated<number>;
  org_id: number;
  rule_key: string;
  phrase: string;
  group_name: string;
  severity: string;
  suggestion: string;
  patterns_json: string | null;
  scope: string;
  exceptions_json: string;
  unless_after_json: string;
  note: string | null;
  sources_json: string;
  enabled: number;
  sort_order: number;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface LanguagePhraseTable {
  id: Generated<number>;
  org_id: number;
  seed_key: string | null;
  moment: string;
  text: string;
  follow_up: string | null;
  note: string | null;
  /** 0012: 0 = switched off, kept in the library but not offered in reply boxes. */
  enabled: Generated<number>;
  sort_order: number;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface QualityConversationTable {
  id: Generated<number>;
  org_id: number;
  external_id: string | null;
  agent_id: number;
  channel: string;
  started_at: number;
  complaint: number | null;
  ended_by: string | null;
  turns_json: string;
  checks_json: string;
  score: number;
  original_score: number;
  lexicon_version: number;
  imported_by: number;
  imported_at: number;
  reviewed_by: number | null;
  reviewed_at: number | null;
  review_note: string | null;
}

export interface QualityFindingTable {
  id: Generated<number>;
  org_id: number;
  conversation_id: number;
  turn_index: number;
  check_name: string;
  message: string;
  hit_json: string | null;
  penalty: number;
  status: string; // standing | removed
  created_at: number;
}

export interface QualityAppealTable {
  id: Generated<number>;
  org_id: number;
  finding_id: number;
  conversation_id: number;
  appellant_id: number;
  reason: string;
  status: string; // pending | accepted | rejected
  created_at: number;
  decided_by: number | null;
  decided_at: number | null;
  decision_note: string | null;
}

export interface CategoryRouteTable {
  id: Generated<number>;
  org_id: number;
  category_id: number;
  department_id: number;
  updated_by: number | null;
  updated_at: number;
}

export interface ConfirmationTable {
  id: Generated<number>;
  org_id: number;
  work_order_id: number;
  method: string; // text | signature
  text: string | null;
  signature_png: string | null; // base64 PNG bytes
  signer_name: string | null;
  recorded_by: number;
  by_customer: number;
  created_at: number;
  rating: string | null; // 0010: the customer's rating of the result (callback scale), if given
}

/** One-time SMS code of the customer portal (issue #4): only its hash is stored. */
export interface PortalSmsCodeTable {
  id: Generated<number>;
  org_id: number;
  phone: string;
  purpose: string; // signup | login
  code_hash: string;
  attempts: number;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** A photo a customer attached to a portal order (validated PNG/JPEG/WebP). */
export interface WorkOrderPhotoTable {
  id: Generated<number>;
  org_id: number;
  work_order_id: number;
  uploaded_by: number;
  mime: string;
  width: number;
  height: number;
  size: number;
  sha256: string;
  data: Buffer;
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
  callback_attempts: CallbackAttemptTable;
  sample_counters: SampleCounterTable;
  collective_groups: CollectiveGroupTable;
  calendar_overrides: CalendarOverrideTable;
  agencies: AgencyTable;
  category_routes: CategoryRouteTable;
  confirmations: ConfirmationTable;
  language_state: LanguageStateTable;
  language_rules: LanguageRuleTable;
  language_phrases: LanguagePhraseTable;
  quality_conversations: QualityConversationTable;
  quality_findings: QualityFindingTable;
  quality_appeals: QualityAppealTable;
  portal_sms_codes: PortalSmsCodeTable;
  work_order_photos: WorkOrderPhotoTable;
}
