import type { Role } from '@huiyin/domain';
import type { UserRow } from './user.repository.js';

/** The API shape of a staff or portal account; never includes the password hash. */
export function toUserView(row: UserRow) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    employeeNo: row.employee_no,
    role: row.role as Role,
    siteIds: JSON.parse(row.site_ids_json) as number[],
    departmentId: row.department_id,
    customerId: row.customer_id,
    disabled: row.disabled === 1,
    lockedUntil: row.locked_until ? new Date(row.locked_until).toISOString() : null,
    version: row.version,
  };
}
export type UserView = ReturnType<typeof toUserView>;
