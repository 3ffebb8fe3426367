import { customerAt, CHANNEL_TABLE, describe, type CustomerSpec, type OrgFixture } from './synth.js';
import { Random } from './random.js';

/** One POST /api/v1/work-orders request, and what the floor needs to write the same rows. */
export interface CreateSpec {
  body: {
    kind: string;
    channel: string;
    siteId: number;
    description: string;
    customer: { name: string; phone: string; title: string | null };
    unit?: string;
    categoryId?: number;
    agreedReplyMethod?: string;
    agreedReplyAt?: string;
  };
  customer: CustomerSpec;
  /** Set when the caller is a known customer (same phone and name): no customer rows are written. */
  existingCustomerId: number | null;
}

/**
 * Requests as a desk would send them: about a third from customers already on
 * file, the rest from new callers; most with an agreed reply time (→ due_at).
 * `stream` keeps the new callers of different runs apart.
 */
export function createSpecs(fixture: OrgFixture, count: number, seed: number, stream: number, now: number): CreateSpec[] {
  const rng = new Random(seed);
  const specs: CreateSpec[] = [];
  for (let i = 0; i < count; i++) {
    const existing = rng.chance(0.35);
    const k = existing ? rng.int(0, fixture.customerCount - 1) : fixture.customerCount + stream * 10_000_000 + i;
    const customer = customerAt(k, fixture);
    const site = fixture.sites[customer.siteIndex]!;
    const description = describe(rng, site.kind);
    const categoryId = description.topic.category ? fixture.categoryIds.get(description.topic.category) : undefined;
    const replyInHours = rng.chance(0.7) ? rng.int(2, 72) : null;
    specs.push({
      body: {
        kind: rng.weighted(description.topic.kinds),
        channel: CHANNEL_TABLE.pick(rng),
        siteId: site.id,
        description: description.text,
        customer: { name: customer.name, phone: customer.phone, title: customer.title },
        ...(customer.unit ? { unit: customer.unit } : {}),
        ...(categoryId !== undefined ? { categoryId } : {}),
        ...(replyInHours !== null
          ? { agreedReplyMethod: rng.pick(['phone', 'sms', 'visit']), agreedReplyAt: new Date(now + replyInHours * 3_600_000).toISOString() }
          : {}),
      },
      customer,
      existingCustomerId: existing ? fixture.firstCustomerId + k : null,
    });
  }
  return specs;
}
