import type { Kysely } from 'kysely';
import type { Dialect } from './db/database.js';
import type { Database } from './db/schema.js';
import type { AuthPolicy } from './auth/auth.service.js';

/** What services need from the outside world; built once in buildApp. */
export interface AppContext {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The only clock the server reads; tests substitute their own. */
  now: () => Date;
  authPolicy: AuthPolicy;
  loginRateLimitPerMinute: number;
}
