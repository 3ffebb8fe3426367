import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../db/database.js';
import { sweepClocks, type SweepOptions } from './sla-sweeper.js';

/** Due handlers by clock kind, registered by features (e.g. the 1-month complaint upgrade). */
export const dueHandlers: NonNullable<SweepOptions['dueHandlers']> = {};

/**
 * Runs the SLA sweep every HUIYIN_SWEEP_SECONDS (default 15). Every instance may
 * run it: claims make it idempotent. A sweep never overlaps itself.
 */
export function startSweeper(database: DatabaseHandle, log: FastifyBaseLogger) {
  const seconds = Number(process.env.HUIYIN_SWEEP_SECONDS ?? 15);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await sweepClocks(database.db, new Date(), { dueHandlers });
      if (result.breached || result.warned) log.info(result, 'sla sweep');
    } catch (error) {
      log.error({ err: error }, 'sla sweep failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), Math.max(1, seconds) * 1000);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer) };
}
