/** Shapes of the server's JSON (see packages/server/src/**\/*.schemas.ts and the OpenAPI document). */
export type Kind = 'inquiry' | 'help' | 'complaint' | 'repair' | 'suggestion' | 'praise';
export const KINDS: Kind[] = ['inquiry', 'help', 'complaint', 'repair', 'suggestion', 'praise'];
export type Channel = 'walk_in' | 'proxy' | 'phone' | 'letter' | 'email' | 'media' | 'government' | 'consumer_association' | 'on_site' | 'transfer' | 'online';
export const CHANNELS: Channel[] = ['phone', 'walk_in', 'online', 'email', 'letter', 'proxy', 'on_site', 'transfer', 'media', 'government', 'consumer_association'];
export type Status = 'received' | 'dispatched' | 'in_progress' | 'result_given' | 'awaiting_callback' | 'closed' | 'cancelled';
export const STATUSES: Status[] = ['received', 'dispatched', 'in_progress', 'result_given', 'awaiting_callback', 'closed', 'cancelled'];
export const OPEN_STATUSES: Status[] = ['received', 'dispatched', 'in_progress', 'result_given', 'awaiting_callback'];
export type ReplyMethod = 'phone' | 'sms' | 'visit' | 'email' | 'letter' | 'online' | 'wechat';
export const REPLY_METHODS: ReplyMethod[] = ['phone', 'sms', 'visit', 'email', 'letter', 'online', 'wechat'];
export type Action = 'dispatch' | 'start' | 'give_result' | 'request_callback' | 'close' | 'reopen' | 'cancel';
export const RATINGS = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

export interface Me {
  id: number;
  orgId: number;
  username: string;
  displayName: string;
  employeeNo: string | null;
  role: string;
  siteIds: number[];
  departmentId: number | null;
  customerId: number | null;
  permissions: string[];
}

export interface Site { id: number; name: string; kind: string; timeZone: string; twentyFourHour: boolean; address: string | null }
export interface Department { id: number; name: string; siteId: number | null; active: boolean }
export interface Category { id: number; parentId: number | null; name: string; path: string; active: boolean }
export interface Staff { id: number; name: string; employeeNo: string | null; role: string; departmentId: number | null }

export interface CustomerRef { id: number; name: string; title: string | null; phone: string | null }
export interface WorkOrderSummary {
  id: number;
  number: string;
  kind: Kind;
  channel: Channel;
  status: Status;
  siteId: number;
  customer: CustomerRef;
  unit: string | null;
  description: string;
  categoryId: number | null;
  receivedAt: string;
  ownerId: number | null;
  departmentId: number | null;
  handlerId: number | null;
  dueAt: string | null;
  updatedAt: string;
  version: number;
}

export interface Clock {
  kind: string;
  state: string;
  limit: { unit: string; amount: number };
  startedAt: string;
  dueAt: string;
  warnAt: string;
  provisional: boolean;
  pausedAt: string | null;
  pauseReason: string | null;
  warnedAt: string | null;
  breachedAt: string | null;
  metAt: string | null;
}

export interface TimelineEntry {
  id: number;
  type: string;
  at: string;
  actor: { id: number | null; name: string | null; employeeNo: string | null } | null;
  data: Record<string, unknown>;
  customerVisible: boolean;
}

export interface CallbackView {
  id: number;
  status: string;
  outcome: string;
  dueAt: string | null;
  methods: string[];
  defaultMethod: string | null;
  attempts: number;
  maxAttempts: number;
  rating: string | null;
  customerWords: string | null;
  method: string | null;
  doneAt: string | null;
  version: number;
}

export interface PersonView { id: number; name: string; employeeNo: string | null }
export interface CollectiveGroup {
  id: number;
  siteId: number;
  summary: string;
  createdAt: string;
  distinctCustomers: number;
  members: { id: number; number: string; status: Status; severity: string | null; receivedAt: string }[];
}

export interface ComplaintView {
  nature: string;
  handledAs: string;
  natureConfirmed: boolean;
  severity: string;
  basis: string | null;
  classifiedAt: string | null;
  classifiedBy: PersonView | null;
  majorReasons: { reason: string; detail: string; at: string; by: PersonView | null; automatic: boolean }[];
  withdrawnReasons: string[];
  determination: { appointmentAt: string; attendees: string[]; bookedBy: PersonView | null; bookedAt: string; pending: boolean } | null;
  collectiveGroup: CollectiveGroup | null;
  upgradeSuggestions: { reason: string; detail: string; at: string; relatedOrders: { id: number; number: string }[] }[];
  authority: { lead: string; assist: string[]; cases: string[] };
  /** Non-responsible complaints: what was explained to the customer (S1 4.6.3.2); null otherwise. */
  explanation: { status: 'pending' | 'done'; text: string | null; at: string | null; by: PersonView | null } | null;
  /** Assistance complaints: the site's agency directory (S1 4.6.3.3(1)); empty otherwise. */
  agencies: Agency[];
}

export interface Agency { id: number; siteId: number | null; service: string; name: string; phone: string; notes: string | null }

export interface WorkOrderDetail extends WorkOrderSummary {
  categoryPath: string | null;
  agreedReplyMethod: ReplyMethod | null;
  agreedReplyAt: string | null;
  owner: { id: number | null; name: string | null; employeeNo: string | null } | null;
  result: string | null;
  cancelReason: string | null;
  closedAt: string | null;
  nature: string | null;
  severity: string | null;
  clocks: Clock[];
  availableActions: Action[];
  timeline: TimelineEntry[];
  complaint?: ComplaintView | null;
  suggestedDepartmentId?: number | null;
  confirmation?: { id: number; method: string; text: string | null; signerName: string | null; rating: Rating | null; at: string; byCustomer: boolean } | null;
  callbacks?: CallbackView[];
  /** The organisation's rule: a callback answer or confirmation rated this or worse sends the order back. */
  reopenAtOrWorse: Rating;
}

export interface OrderRef { id: number; number: string; kind: Kind; status: Status; description: string; receivedAt: string }
export interface Customer {
  id: number;
  name: string;
  title: string | null;
  customerType: string | null;
  notes: string | null;
  phones: string[];
  units: { siteId: number; label: string }[];
  openOrders: OrderRef[];
  recentOrders: OrderRef[];
}

export interface Notification { id: number; type: string; workOrderId: number | null; data: Record<string, unknown>; createdAt: string; readAt: string | null }
export interface Photo { id: number; mime: string; width: number; height: number; size: number; url: string; createdAt: string }
export interface QueueCounts { open: number; mine: number; department: number; dueSoon: number; overdue: number; unassigned: number; dueSoonMinutes: number }
export interface Phrase { id: number; moment: string; text: string; followUp: string | null }
