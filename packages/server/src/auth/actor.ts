import type { Role } from '@huiyin/domain';

/** Who is calling: resolved once per request from the session, passed to services. */
export interface Actor {
  userId: number;
  orgId: number;
  role: Role;
  username: string;
  displayName: string;
  employeeNo: string | null;
  /** Sites the user works at; empty means every site of the organisation. */
  siteIds: number[];
  departmentId: number | null;
  /** Set for portal users: the customer record they are. */
  customerId: number | null;
}

/** Context a service needs besides the actor: for the audit trail. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
  now: Date;
}
