import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../db/database.js';
import { upgradeUnresolvedComplaint } from '../complaints/complaint-upgrade.service.js';
import { sweepClocks, type SweepOptions } from './sla-sweeper.js';

/** What happens when a clock of this kind comes due, besides the breach record. */
export const dueHandlers: NonNullable<SweepOptions['dueHandlers']> = {
  // A responsible complaint still unresolved after a month becomes major (S1 §4.6.2.2(3)).
  auto_upgrade: async (db, clock, now) => {
    await upgradeUnresolvedComplaint(db, clock.work_order_id, now);
  },
};

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
