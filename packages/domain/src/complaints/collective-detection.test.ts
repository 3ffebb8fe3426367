import { describe, expect, it } from 'vitest';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import * as OpenCC from 'opencc-js/t2cn';
import { findCollectiveGroups, findSameMatter, HOUR_MS, matchIntoClusters, matchNewComplaint, type ComplaintForDetection } from './collective-detection.js';

const jieba = Jieba.withDict(dict);
const deps = { segment: (t: string) => jieba.cut(t, true), toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }) };
const T0 = Date.UTC(2025, 5, 9);
const LIFT = ['3号楼电梯又坏了', '三号楼电梯停运一上午', '3栋的電梯困人', '3幢电梯故障', '三號樓電梯壞了', '3号楼电梯不动了', '3号楼电梯卡住了'];

let seq = 0;
function complaint(customerId: string, hours: number, text: string, extra: Partial<ComplaintForDetection> = {}): ComplaintForDetection {
  seq += 1;
  return { id: `k${seq}`, customerId, siteId: 's1', text, receivedAt: T0 + hours * HOUR_MS, ...extra };
}
/** n complaints about building 3's lift, customer i at hours[i]. */
const lift = (customers: readonly string[], hours: (i: number) => number = (i) => i) =>
  customers.map((c, i) => complaint(c, hours(i), LIFT[i % LIFT.length]!));

describe('findCollectiveGroups: thresholds and window', () => {
  it.each([
    ['4 distinct customers', ['a', 'b', 'c', 'd'], 0],
    ['5 distinct customers', ['a', 'b', 'c', 'd', 'e'], 1],
    ['the same customer 5 times', ['a', 'a', 'a', 'a', 'a'], 0],
    ['4 customers, one of them twice', ['a', 'b', 'c', 'd', 'a'], 0],
    ['6 customers', ['a', 'b', 'c', 'd', 'e', 'f'], 1],
  ] as const)('%s → %i group(s)', (_name, customers, groups) => {
    expect(findCollectiveGroups(lift(customers), {}, deps)).toHaveLength(groups);
  });

  it('counts a span of exactly the window, not a millisecond more', () => {
    const span = (last: number) => lift(['a', 'b', 'c', 'd', 'e'], (i) => (i === 4 ? last : i));
    expect(findCollectiveGroups(span(48), {}, deps)).toHaveLength(1);
    const outside = span(48 + 1 / HOUR_MS);
    expect(findCollectiveGroups(outside, {}, deps)).toHaveLength(0);
  });

  it('takes only the members that lie in a qualifying window', () => {
    const items = [...lift(['a', 'b', 'c', 'd', 'e']), complaint('f', 24 * 6, '3号楼电梯坏了')];
    const [group] = findCollectiveGroups(items, {}, deps);
    expect(group?.memberIds).toEqual(items.slice(0, 5).map((c) => c.id));
    expect(group?.distinctCustomers).toBe(5);
  });

  it('honours the window and threshold settings', () => {
    const three = lift(['a', 'b', 'c'], (i) => i * 10);
    expect(findCollectiveGroups(three, { minDistinctCustomers: 3 }, deps)).toHaveLength(1);
    expect(findCollectiveGroups(three, { minDistinctCustomers: 3, windowMs: 12 * HOUR_MS }, deps)).toHaveLength(0);
  });

  it('keeps sites apart', () => {
    const items = lift(['a', 'b', 'c', 'd', 'e']).map((c, i) => ({ ...c, siteId: i < 3 ? 's1' : 's2' }));
    expect(findCollectiveGroups(items, {}, deps)).toHaveLength(0);
  });

  it('keeps different categories apart when both have one', () => {
    const items = lift(['a', 'b', 'c', 'd', 'e']).map((c, i) => ({ ...c, categoryId: i === 4 ? 'noise' : 'lift' }));
    expect(findCollectiveGroups(items, {}, deps)).toHaveLength(0);
    const oneMissing = items.map((c, i) => ({ ...c, categoryId: i === 4 ? null : c.categoryId }));
    expect(findCollectiveGroups(oneMissing, {}, deps)).toHaveLength(1);
  });

  it('does not let a complaint without a building bridge two buildings', () => {
    const items = [
      complaint('a', 0, '3号楼电梯坏了'),
      complaint('b', 1, '电梯坏了'),
      complaint('c', 2, '3号楼电梯停了'),
      complaint('d', 3, '5号楼电梯坏了'),
      complaint('e', 4, '5号楼电梯停了'),
      complaint('f', 5, '五号楼电梯故障'),
    ];
    expect(findCollectiveGroups(items, {}, deps)).toHaveLength(0);
  });

  it('describes the matter of a group', () => {
    const [group] = findCollectiveGroups(lift(['a', 'b', 'c', 'd', 'e']), {}, deps);
    expect(group?.matter).toEqual({ buildings: ['3'], objects: ['电梯'], problems: ['fault'] });
  });
});

describe('matchNewComplaint', () => {
  const recent = lift(['a', 'b', 'c', 'd']);

  it.each([
    ['an unrelated complaint', complaint('x', 5, '快递柜打不开'), 'none'],
    ['a fifth customer', complaint('e', 5, '3号楼电梯又停了'), 'completed'],
    ['a customer already counted', complaint('a', 5, '3号楼电梯又停了'), 'similar'],
    ['another building', complaint('e', 5, '5号楼电梯又停了'), 'none'],
  ] as const)('%s → %s', (_name, newComplaint, kind) => {
    expect(matchNewComplaint(newComplaint, recent, {}, deps).kind).toBe(kind);
  });

  it('completes a group: every member is new', () => {
    const fifth = complaint('e', 5, '3号楼电梯又停了');
    const match = matchNewComplaint(fifth, recent, {}, deps);
    expect(match.kind === 'completed' && match.newMemberIds).toEqual([...recent.map((c) => c.id), fifth.id]);
  });

  it('joins a group that is already collective: only the new complaint is new', () => {
    const five = lift(['a', 'b', 'c', 'd', 'e']);
    const sixth = complaint('f', 6, '3号楼电梯还是坏的');
    const match = matchNewComplaint(sixth, five, {}, deps);
    expect(match.kind).toBe('joined');
    expect(match.kind === 'joined' && match.newMemberIds).toEqual([sixth.id]);
  });

  it('takes the recorded members as given instead of clustering the window again', () => {
    const five = lift(['a', 'b', 'c', 'd', 'e']);
    const sixth = complaint('f', 6, '3号楼电梯还是坏的');
    const recorded = new Set(five.map((c) => c.id));
    expect(matchNewComplaint(sixth, five, {}, deps, recorded)).toMatchObject({ kind: 'joined', newMemberIds: [sixth.id] });
    // Nothing recorded yet (say the organisation just lowered its threshold): the whole group is new, so every member is upgraded.
    const fresh = matchNewComplaint(sixth, five, {}, deps, new Set());
    expect(fresh).toMatchObject({ kind: 'completed', newMemberIds: [...five.map((c) => c.id), sixth.id] });
  });

  it('reports resemblance below the threshold', () => {
    const match = matchNewComplaint(complaint('e', 5, '3号楼电梯又停了'), recent.slice(0, 2), {}, deps);
    expect(match).toEqual({ kind: 'similar', matterIds: recent.slice(0, 2).map((c) => c.id), distinctCustomers: 3 });
  });

  it('ignores complaints of other sites', () => {
    const elsewhere = recent.map((c) => ({ ...c, siteId: 's2' }));
    expect(matchNewComplaint(complaint('e', 5, '3号楼电梯又停了'), elsewhere, {}, deps).kind).toBe('none');
  });

  it('agrees with the batch function', () => {
    const all = [...recent, complaint('e', 5, '3号楼电梯又停了')];
    const match = matchNewComplaint(all[4]!, recent, {}, deps);
    expect(match.kind === 'completed' && match.group).toEqual(findCollectiveGroups(all, {}, deps)[0]);
  });
});

describe('findSameMatter (for the repeat rule)', () => {
  it('finds the earlier complaints about the same matter, at any distance in time', () => {
    const earlier = [
      complaint('a', -24 * 30, '3号楼电梯坏了'),
      complaint('a', -24 * 10, '3号楼楼道灯不亮'),
      complaint('a', -24 * 2, '三号楼电梯又停运了'),
    ];
    expect(findSameMatter({ text: '3号楼电梯又坏了' }, earlier, {}, deps)).toEqual([earlier[0]!.id, earlier[2]!.id]);
  });
});

describe('matchIntoClusters (intake with remembered clusters)', () => {
  const recent = lift(['a', 'b', 'c', 'd']);
  const clusters = [
    { key: 'lift3', members: recent },
    { key: 'parcel', members: [complaint('p', 1, '快递柜打不开'), complaint('q', 2, '快递柜又坏了取不出包裹')] },
  ];

  it('joins the remembered cluster it matches and names it', () => {
    const fifth = complaint('e', 5, '3号楼电梯又停了');
    const match = matchIntoClusters(fifth, clusters, {}, deps, new Set());
    expect(match).toMatchObject({ kind: 'completed', clusterKey: 'lift3', newMemberIds: [...recent.map((c) => c.id), fifth.id] });
    expect(matchIntoClusters(complaint('r', 3, '快递柜坏了'), clusters, {}, deps, new Set())).toMatchObject({ kind: 'similar', clusterKey: 'parcel' });
  });

  it('starts a cluster of its own when none matches (another building conflicts)', () => {
    expect(matchIntoClusters(complaint('e', 5, '5号楼电梯又停了'), clusters, {}, deps, new Set())).toEqual({ kind: 'none', clusterKey: null });
  });

  it('leaves clusters out whose members are all outside the window', () => {
    const late = complaint('e', 5 + 72, '3号楼电梯又停了');
    expect(matchIntoClusters(late, clusters, {}, deps, new Set())).toEqual({ kind: 'none', clusterKey: null });
  });

  it('places complaints of unknown place first, in time order, then the new one', () => {
    // Two remembered, two never placed (taken in before places were kept): together with the fifth, five customers.
    const fifth = complaint('e', 5, '3号楼电梯又停了');
    const match = matchIntoClusters(fifth, [{ key: recent[0]!.id, members: recent.slice(0, 2) }], {}, deps, new Set(), recent.slice(2));
    expect(match).toMatchObject({ kind: 'completed', clusterKey: recent[0]!.id, newMemberIds: [...recent.map((c) => c.id), fifth.id] });
    // An unplaced one that matches nothing starts a cluster keyed by its own id, which the next may join.
    const parcel = complaint('p', 1, '快递柜打不开');
    expect(matchIntoClusters(complaint('q', 2, '快递柜又坏了'), [], {}, deps, new Set(), [parcel])).toMatchObject({ kind: 'similar', clusterKey: parcel.id });
  });

  it('agrees with the batch pass on the labelled corner cases', () => {
    const fifth = complaint('e', 5, '3号楼电梯又停了');
    const { clusterKey, ...viaClusters } = matchIntoClusters(fifth, [{ key: 'x', members: recent }], {}, deps, new Set());
    expect(clusterKey).toBe('x');
    expect(viaClusters).toEqual(matchNewComplaint(fifth, recent, {}, deps, new Set()));
  });
});
