import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upgradeUnresolvedComplaint } from '../src/complaints/complaint-upgrade.service.js';
import { complaintBody, createTestApp, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

interface Clock { kind: string; state: string; dueAt: string; limit: { unit: string; amount: number } }
interface Order {
  id: number; number: string; version: number; nature: string | null; severity: string | null;
  clocks: Clock[]; timeline: { type: string; data: Record<string, unknown> }[];
  complaint: null | {
    severity: string; handledAs: string; natureConfirmed: boolean;
    majorReasons: { reason: string; automatic: boolean; by: { id: number } | null; detail: string }[];
    collectiveGroup: null | { id: number; members: { number: string }[]; distinctCustomers: number };
    upgradeSuggestions: { reason: string; relatedOrders: { number: string }[] }[];
    authority: { lead: string; assist: string[] };
  };
}

describe.skipIf(!databaseAvailable)(`complaint classification at intake (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  let phones = 0;
  const customer = (name: string) => ({ name, phone: `1370000${String(++phones).padStart(4, '0')}` });
  const complain = async (description: string, overrides: Record<string, unknown> = {}): Promise<Order> => {
    const response = await t.request({
      method: 'POST', url: '/api/v1/work-orders', token: t.org.tokens.agent,
      payload: complaintBody(t.org, { description, customer: customer(`客户${phones}`), ...overrides }),
    });
    expect(response.statusCode).toBe(201);
    return response.json();
  };
  const get = async (id: number): Promise<Order> => (await t.request({ method: 'GET', url: `/api/v1/work-orders/${id}`, token: t.org.tokens.agent })).json();
  const clock = (order: Order, kind: string) => order.clocks.find((c) => c.kind === kind);
  const notifications = (type: string) =>
    t.context.db.selectFrom('notifications').selectAll().where('user_id', '=', t.org.userIds.general_manager!).where('type', '=', type).orderBy('id').execute();
  const at = (iso: string) => {
    t.clock.now = new Date(iso);
  };

  it('takes a media complaint as major at once: the reason, 2 working days for the result, the GM leads and is told', async () => {
    at('2026-11-25T02:00:00Z'); // Wednesday 10:00 in Shanghai
    const media = await complain('小区东门道闸坏了，电视台记者已经来拍了', { channel: 'media' });
    expect(media.severity).toBe('major');
    expect(media.complaint).toMatchObject({ severity: 'major', handledAs: 'responsible', natureConfirmed: false, authority: { lead: 'general_manager' } });
    expect(media.complaint!.majorReasons).toEqual([expect.objectContaining({ reason: 'government_or_media', automatic: true, by: null })]);
    expect(clock(media, 'result')).toMatchObject({ state: 'running', limit: { unit: 'working_days', amount: 2 }, dueAt: '2026-11-27T16:00:00.000Z' }); // end of Friday, Shanghai
    expect(clock(media, 'auto_upgrade')).toBeUndefined(); // a major complaint has nothing left to be upgraded to
    expect(media.timeline.map((e) => e.type)).toContain('major_reason_added');
    expect((await notifications('major_complaint')).map((n) => n.work_order_id)).toEqual([media.id]);
    const audit = await t.request({ method: 'GET', url: `/api/v1/audit?entityType=work_order&entityId=${media.id}`, token: t.org.tokens.admin });
    expect(audit.json().items.map((a: { action: string }) => a.action)).toContain('complaint.automatic_upgrade');

    // The same words by phone: general, two hours, the department leads.
    const phone = await complain('小区西门道闸坏了，车进不来');
    expect(phone.complaint).toMatchObject({ severity: 'general', majorReasons: [], authority: { lead: 'responsible_department' } });
    expect(clock(phone, 'result')).toMatchObject({ limit: { unit: 'hours', amount: 2 }, dueAt: '2026-11-25T04:00:00.000Z' });
    expect(clock(phone, 'auto_upgrade')).toMatchObject({ state: 'running' });
  });

  it('only suggests the media upgrade when the organisation follows the seed (channelUpgrade = suggest)', async () => {
    await t.context.db.updateTable('organisations').set({ settings_json: JSON.stringify({ complaints: { channelUpgrade: 'suggest' } }) }).where('id', '=', t.org.orgId).execute();
    try {
      const order = await complain('物业乱收停车费，我已经向消协投诉', { channel: 'consumer_association' });
      expect(order.complaint).toMatchObject({ severity: 'general', upgradeSuggestions: [{ reason: 'government_or_media' }] });
      // The seed's reading still puts the GM in charge of a government or media complaint by default (issue table).
      expect(order.complaint!.authority.lead).toBe('general_manager');
    } finally {
      await t.context.db.updateTable('organisations').set({ settings_json: '{}' }).where('id', '=', t.org.orgId).execute();
    }
  });

  it('forms a collective complaint from 5 customers about building 3’s lift within 48 h; the 4th does not, the stairway light does not join', async () => {
    at('2026-12-01T01:00:00Z');
    const lift = ['3号楼电梯又坏了', '三号楼电梯停运一上午', '3栋的電梯困人，老人被關在裏面', '3幢电梯故障，只能爬楼梯'];
    const first: Order[] = [];
    for (const [i, text] of lift.entries()) {
      at(`2026-12-01T0${1 + i * 2}:00:00Z`);
      first.push(await complain(text));
    }
    const fourth = await get(first[3]!.id);
    expect(fourth.complaint).toMatchObject({ severity: 'general', collectiveGroup: null });
    expect(await notifications('collective_complaint')).toHaveLength(0);

    at('2026-12-01T10:00:00Z');
    const light = await complain('3号楼楼道灯不亮了，晚上很黑');
    expect(light.complaint).toMatchObject({ severity: 'general', collectiveGroup: null });

    at('2026-12-02T20:00:00Z'); // 43 h after the first
    const fifth = await complain('3号楼电梯不动了，什么时候修好？');
    const members = [...first, fifth].map((o) => o.number);
    expect(fifth.complaint!.collectiveGroup).toMatchObject({ distinctCustomers: 5, members: members.map((number) => ({ number })) });
    expect(fifth.complaint!.majorReasons.map((r) => r.reason)).toEqual(['collective']);
    expect(clock(fifth, 'result')!.limit).toEqual({ unit: 'working_days', amount: 2 });

    for (const earlier of first) {
      const order = await get(earlier.id);
      expect(order.severity).toBe('major');
      expect(order.version).toBe(earlier.version + 1); // whoever held the old version must reload
      expect(order.complaint!.collectiveGroup!.id).toBe(fifth.complaint!.collectiveGroup!.id);
      expect(order.complaint!.majorReasons).toEqual([expect.objectContaining({ reason: 'collective', automatic: true })]);
      // The upgrade re-planned the clocks and said why.
      expect(clock(order, 'result')!.limit).toEqual({ unit: 'working_days', amount: 2 });
      expect(clock(order, 'auto_upgrade')!.state).toBe('cancelled');
      expect(order.timeline).toContainEqual(expect.objectContaining({ type: 'clock_recomputed', data: expect.objectContaining({ clock: 'result', reason: 'classification:collective' }) }));
    }
    expect((await get(light.id)).complaint).toMatchObject({ severity: 'general', collectiveGroup: null });

    const told = await notifications('collective_complaint');
    expect(told).toHaveLength(1);
    expect(JSON.parse(told[0]!.data_json)).toMatchObject({ members, distinctCustomers: 5 });

    const queue = await t.request({ method: 'GET', url: '/api/v1/collective-groups', token: t.org.tokens.supervisor });
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items).toEqual([expect.objectContaining({ siteId: t.org.siteId, members: members.map((number) => expect.objectContaining({ number, severity: 'major' })) })]);
    expect((await t.request({ method: 'GET', url: '/api/v1/collective-groups', token: t.org.tokens.handler })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/v1/collective-groups', token: t.otherOrg.tokens.agent })).json().items).toEqual([]);

    // A sixth joins the group that exists; the GM hears of it once more.
    at('2026-12-02T22:00:00Z');
    const sixth = await complain('三號樓電梯壞了');
    expect(sixth.complaint!.collectiveGroup!.id).toBe(fifth.complaint!.collectiveGroup!.id);
    expect(sixth.complaint!.collectiveGroup!.members).toHaveLength(6);
  });

  it('compares by the words stored at intake, and by the corrected words after an agent edits the description', async () => {
    at('2026-12-10T01:00:00Z');
    const lift = [await complain('7号楼电梯又坏了'), await complain('七号楼电梯停运一上午'), await complain('7栋电梯困人')];
    const typo = await complain('9号楼电梯坏了'); // the agent heard the building wrong
    const stored = await t.context.db.selectFrom('work_orders').select(['id', 'matter_json', 'matter_cluster_id'])
      .where('id', 'in', [...lift, typo].map((o) => o.id)).orderBy('id').execute();
    expect(stored.map((r) => JSON.parse(r.matter_json!).f.buildings)).toEqual([['7'], ['7'], ['7'], ['9']]);
    // Intake remembers where it placed each one: the three about building 7 in the first one's cluster.
    expect(stored.map((r) => r.matter_cluster_id)).toEqual([lift[0]!.id, lift[0]!.id, lift[0]!.id, typo.id]);

    at('2026-12-10T02:00:00Z');
    const edited = await t.request({ method: 'PATCH', url: `/api/v1/work-orders/${typo.id}`, token: t.org.tokens.agent, payload: { version: typo.version, description: '7号楼电梯坏了' } });
    expect(edited.statusCode).toBe(200);

    at('2026-12-10T03:00:00Z');
    const fifth = await complain('7幢电梯不动了');
    expect(fifth.complaint!.collectiveGroup).toMatchObject({ distinctCustomers: 5 });
    expect(fifth.complaint!.collectiveGroup!.members.map((m) => m.number)).toContain(typo.number);
  });

  it('suggests an upgrade when the same customer raises the same matter again; a person confirms it', async () => {
    at('2026-12-07T02:00:00Z');
    const owner = customer('钱女士');
    const before = await complain('2号楼地下车库漏水', { customer: owner });
    expect(before.complaint!.upgradeSuggestions).toEqual([]);
    at('2026-12-08T02:00:00Z');
    const again = await complain('2号楼地下车库又漏水了，上次说修好了', { customer: owner });
    expect(again.complaint).toMatchObject({ severity: 'general', upgradeSuggestions: [{ reason: 'repeated_unresolved', relatedOrders: [{ number: before.number }] }] });
    expect(again.timeline.map((e) => e.type)).toContain('upgrade_suggested');
    const other = await complain('小区门口停车收费太贵', { customer: owner });
    expect(other.complaint!.upgradeSuggestions).toEqual([]);

    const confirmed = await t.request({
      method: 'POST', url: `/api/v1/work-orders/${again.id}/classification`, token: t.org.tokens.agent,
      payload: { action: 'confirm_upgrade', version: again.version, detail: '第二次反映，承诺的维修没有落实' },
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().complaint).toMatchObject({
      severity: 'major', upgradeSuggestions: [],
      majorReasons: [{ reason: 'repeated_unresolved', automatic: false, by: { id: t.org.userIds.agent }, detail: '第二次反映，承诺的维修没有落实' }],
    });
    expect((await notifications('major_complaint')).map((n) => n.work_order_id)).toContain(again.id);
  });

  it('upgrades a responsible complaint still unresolved after one month, once, for the sweeper', async () => {
    at('2026-12-10T02:00:00Z');
    const open = await complain('会所游泳池水质浑浊，有异味');
    const resolved = await complain('会所健身房空调不制冷');
    await t.request({ method: 'POST', url: `/api/v1/work-orders/${resolved.id}/transitions`, token: t.org.tokens.agent, payload: { action: 'give_result', version: resolved.version, text: '已维修空调' } });
    const due = Date.parse(clock(open, 'auto_upgrade')!.dueAt);
    expect(due).toBe(Date.parse('2027-01-10T02:00:00Z'));

    // The sweeper passes its own instant; the HTTP clock stays put so the test's sessions do not expire.
    expect(await upgradeUnresolvedComplaint(t.context.db, open.id, due - 1)).toBe(false);
    expect(await upgradeUnresolvedComplaint(t.context.db, open.id, due)).toBe(true);
    expect(await upgradeUnresolvedComplaint(t.context.db, open.id, due + 60_000)).toBe(false);
    expect(await upgradeUnresolvedComplaint(t.context.db, resolved.id, due)).toBe(false);

    const upgraded = await get(open.id);
    expect(upgraded).toMatchObject({ severity: 'major', version: open.version + 1 });
    expect(upgraded.complaint!.majorReasons).toEqual([expect.objectContaining({ reason: 'unresolved_one_month', automatic: true })]);
    expect(clock(upgraded, 'result')!.limit).toEqual({ unit: 'working_days', amount: 2 });
    expect(clock(upgraded, 'auto_upgrade')!.state).toBe('cancelled');
    expect((await get(resolved.id)).severity).toBe('general');
    expect((await notifications('major_complaint')).map((n) => n.work_order_id)).toContain(open.id);
  });

  it('leaves other kinds of order unclassified', async () => {
    const repair = await complain('厨房水龙头漏水', { kind: 'repair' });
    expect(repair).toMatchObject({ nature: null, severity: null, complaint: null });
  });
});
