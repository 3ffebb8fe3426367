/**
 * Roles and what each may do (DOMAIN.md §1). Authorisation code asks for a
 * permission, never for a role name, so a new role is one line here.
 */
export const ROLES = [
  'admin',
  'supervisor',
  'agent',
  'handler',
  'department_head',
  'general_manager',
  'customer',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'work_order.create', // take a new order at intake
  'work_order.read_site', // every order of the sites in the user's scope
  'work_order.read_department', // orders dispatched to the user's department
  'work_order.read_own', // a customer's own orders
  'work_order.handle', // start, give result (department work)
  'work_order.dispatch', // dispatch, request callback, close, reopen
  'work_order.transfer', // hand ownership to someone else
  'work_order.cancel',
  'work_order.backdate', // set receivedAt in the past (a letter logged afterwards)
  'contact.view', // see full phone numbers
  'customer.read',
  'customer.write',
  'user.manage',
  'org.configure', // sites, departments, categories
  'agency.write', // the external agency directory of each site (water, power, heating … hotlines)
  'org.read', // the organisation's calendar and settings (limits, policies): every staff member works by them
  'audit.read',
  'language.use', // phrase library, live phrase check, own quality results (every staff member)
  'language.configure', // edit the phrase library and the forbidden-phrase lexicon
  'quality.inspect', // import and review conversations of every agent, decide appeals
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const STAFF_DESK: Permission[] = [
  'work_order.create',
  'work_order.read_site',
  'work_order.dispatch',
  'work_order.handle',
  'work_order.transfer',
  'work_order.backdate',
  'contact.view',
  'customer.read',
  'customer.write',
  'language.use',
  'org.read',
];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS.filter((p) => p !== 'work_order.read_own'),
  supervisor: [...STAFF_DESK, 'work_order.cancel', 'audit.read', 'quality.inspect', 'agency.write'],
  agent: STAFF_DESK,
  // Department staff work on what is dispatched to them; they do not need the
  // customer's full number (the desk keeps contact), so it stays masked.
  handler: ['work_order.read_department', 'work_order.handle', 'customer.read', 'language.use', 'org.read'],
  department_head: ['work_order.read_department', 'work_order.handle', 'work_order.transfer', 'customer.read', 'language.use', 'org.read'],
  general_manager: ['work_order.read_site', 'work_order.handle', 'work_order.dispatch', 'work_order.transfer', 'work_order.cancel', 'contact.view', 'customer.read', 'audit.read', 'language.use', 'org.read'],
  customer: ['work_order.read_own', 'work_order.create'],
};

const ROLE_PERMISSION_SETS = new Map<Role, ReadonlySet<Permission>>(
  ROLES.map((role) => [role, new Set(ROLE_PERMISSIONS[role])]),
);

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSION_SETS.get(role)?.has(permission) ?? false;
}

export function permissionsOf(role: Role): Permission[] {
  return [...ROLE_PERMISSIONS[role]];
}
