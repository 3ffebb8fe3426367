/** Settings read from the environment, in one place. */
export interface ServerConfig {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  logLevel: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.HUIYIN_ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
