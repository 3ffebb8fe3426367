/**
 * Collective complaint detection (集体投诉, S1 4.6.2.2(5)): "同一范围内5位(或以上)的
 * 客户针对同一事项同时提出的投诉". Read as: at one site, at least
 * `minDistinctCustomers` different customers, about the same matter, within
 * `windowMs` of each other ("同时" needs a number; 48 h by default).
 *
 * Clustering is a single pass in time order: each complaint joins the
 * best-matching earlier cluster or starts one. Two choices keep it honest:
 * - a complaint joins only if it conflicts with NO member (building, object …),
 *   so a vague "电梯坏了" cannot bridge the lifts of building 3 and building 5;
 * - the score is the mean similarity to the members within the window, not the
 *   best one, so a cluster does not drift by chaining.
 * The batch function and the incremental one run the same pass, so the server's
 * intake check and a nightly re-scan agree.
 */
import { DEFAULT_MATTER_LEXICON, type MatterLexicon } from './matter-lexicon.js';
import { matterConflict, matterFeatures, matterSimilarity, type MatterDeps, type MatterFeatures } from './matter-text.js';

export interface ComplaintForDetection {
  readonly id: string;
  readonly customerId: string;
  /** The scope (同一范围): a site, 项目/小区/商场. */
  readonly siteId: string;
  readonly categoryId?: string | null;
  readonly text: string;
  readonly receivedAt: number;
  /**
   * `matterFeatures(text)` computed earlier (the server stores them at intake):
   * segmenting every recent complaint again at each intake is what made it slow.
   * Must come from the same text and lexicon; the caller checks that.
   */
  readonly features?: MatterFeatures;
}

export interface CollectiveSettings {
  /** "同时": complaints at most this far apart count together (inclusive). */
  readonly windowMs: number;
  /** "5位(或以上)": distinct customers needed. */
  readonly minDistinctCustomers: number;
  /** Mean weighted cosine a complaint needs to join a cluster. */
  readonly similarityThreshold: number;
  readonly lexicon: MatterLexicon;
}

export const HOUR_MS = 3_600_000;

export const DEFAULT_COLLECTIVE_SETTINGS: CollectiveSettings = {
  windowMs: 48 * HOUR_MS,
  minDistinctCustomers: 5,
  similarityThreshold: 0.5,
  lexicon: DEFAULT_MATTER_LEXICON,
};

export interface CollectiveGroup {
  readonly siteId: string;
  /** Complaints that lie in a window with enough distinct customers, in time order. */
  readonly memberIds: readonly string[];
  readonly distinctCustomers: number;
  readonly firstAt: number;
  readonly lastAt: number;
  /** What most members name (≥ half of them), for people to read: buildings, objects, problems. */
  readonly matter: { readonly buildings: readonly string[]; readonly objects: readonly string[]; readonly problems: readonly string[] };
}

export type CollectiveMatch =
  /** No other recent complaint at the site is about the same matter. */
  | { readonly kind: 'none' }
  /** Same matter as `matterIds`, but not (yet) enough distinct customers (this complaint's customer included). */
  | { readonly kind: 'similar'; readonly matterIds: readonly string[]; readonly distinctCustomers: number }
  /** This complaint brings the matter to the threshold: every member becomes major. */
  | { readonly kind: 'completed'; readonly group: CollectiveGroup; readonly newMemberIds: readonly string[] }
  /** The matter was already collective; upgrade `newMemberIds` (this complaint, and any it pulls in). */
  | { readonly kind: 'joined'; readonly group: CollectiveGroup; readonly newMemberIds: readonly string[] };

interface Item {
  readonly c: ComplaintForDetection;
  readonly f: MatterFeatures;
}

function resolveSettings(settings: Partial<CollectiveSettings>): CollectiveSettings {
  const s = { ...DEFAULT_COLLECTIVE_SETTINGS, ...settings };
  // Nonsense values would silently make everything (or nothing) collective.
  return {
    ...s,
    windowMs: Math.max(0, s.windowMs),
    minDistinctCustomers: Math.max(2, Math.floor(s.minDistinctCustomers)),
    similarityThreshold: Math.min(1, Math.max(0.01, s.similarityThreshold)),
  };
}

const byTime = (a: Item, b: Item): number => a.c.receivedAt - b.c.receivedAt || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0);

function conflicts(a: Item, b: Item): boolean {
  return matterConflict(a.f, b.f, { a: a.c.categoryId, b: b.c.categoryId }) !== null;
}

/**
 * The cluster `item` joins: the best mean similarity (at least the threshold)
 * to the members within the window, among clusters none of whose members
 * conflicts with it; null when none qualifies.
 */
function bestCluster(item: Item, clusters: readonly (readonly Item[])[], s: CollectiveSettings): number | null {
  let best: { index: number; score: number } | null = null;
  clusters.forEach((members, index) => {
    const near = members.filter((m) => Math.abs(item.c.receivedAt - m.c.receivedAt) <= s.windowMs);
    if (near.length === 0 || members.some((m) => conflicts(item, m))) return;
    const score = near.reduce((sum, m) => sum + matterSimilarity(item.f, m.f), 0) / near.length;
    if (score >= s.similarityThreshold && (!best || score > best.score)) best = { index, score };
  });
  return best === null ? null : (best as { index: number }).index;
}

/** The single time-ordered pass; items must be of one site. */
function cluster(items: readonly Item[], s: CollectiveSettings): Item[][] {
  const clusters: Item[][] = [];
  for (const item of [...items].sort(byTime)) {
    // In time order, a cluster whose latest member is out of the window can never
    // take this item (nor any later one): leave it out of the comparison.
    const open = clusters.filter((members) => item.c.receivedAt - members[members.length - 1]!.c.receivedAt <= s.windowMs);
    const best = bestCluster(item, open, s);
    if (best === null) clusters.push([item]);
    else open[best]!.push(item);
  }
  return clusters;
}

/** Members that lie in some window holding enough distinct customers. */
function collectiveMembers(members: readonly Item[], s: CollectiveSettings): Item[] {
  const sorted = [...members].sort(byTime);
  const chosen = new Set<Item>();
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!.c.receivedAt;
    const inWindow = sorted.slice(i).filter((m) => m.c.receivedAt - start <= s.windowMs);
    if (new Set(inWindow.map((m) => m.c.customerId)).size >= s.minDistinctCustomers) for (const m of inWindow) chosen.add(m);
  }
  return sorted.filter((m) => chosen.has(m));
}

function majority(members: readonly Item[], pick: (f: MatterFeatures) => readonly string[], strip = ''): string[] {
  const counts = new Map<string, number>();
  for (const m of members) for (const v of pick(m.f)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n * 2 >= members.length)
    .sort((a, b) => b[1] - a[1])
    .map(([v]) => v.slice(strip.length));
}

function toGroup(members: readonly Item[]): CollectiveGroup {
  const first = members[0]!;
  const last = members[members.length - 1]!;
  return {
    siteId: first.c.siteId,
    memberIds: members.map((m) => m.c.id),
    distinctCustomers: new Set(members.map((m) => m.c.customerId)).size,
    firstAt: first.c.receivedAt,
    lastAt: last.c.receivedAt,
    matter: {
      buildings: majority(members, (f) => f.buildings),
      objects: majority(members, (f) => f.objects, 'obj:'),
      problems: majority(members, (f) => f.problems, 'prob:'),
    },
  };
}

function bySite(items: readonly Item[]): Map<string, Item[]> {
  const sites = new Map<string, Item[]>();
  for (const item of items) {
    const list = sites.get(item.c.siteId) ?? [];
    list.push(item);
    sites.set(item.c.siteId, list);
  }
  return sites;
}

function prepare(complaints: readonly ComplaintForDetection[], s: CollectiveSettings, deps: MatterDeps): Item[] {
  return complaints.map((c) => ({ c, f: c.features ?? matterFeatures(c.text, deps, s.lexicon) }));
}

function groupsOfSite(items: readonly Item[], s: CollectiveSettings): { clusters: Item[][]; groups: CollectiveGroup[] } {
  const clusters = cluster(items, s);
  const groups: CollectiveGroup[] = [];
  for (const members of clusters) {
    const chosen = collectiveMembers(members, s);
    if (chosen.length > 0) groups.push(toGroup(chosen));
  }
  return { clusters, groups };
}

/** Every collective group among the complaints, per site, ordered by first complaint. */
export function findCollectiveGroups(
  complaints: readonly ComplaintForDetection[],
  settings: Partial<CollectiveSettings>,
  deps: MatterDeps,
): CollectiveGroup[] {
  const s = resolveSettings(settings);
  const groups: CollectiveGroup[] = [];
  for (const items of bySite(prepare(complaints, s, deps)).values()) groups.push(...groupsOfSite(items, s).groups);
  return groups.sort((a, b) => a.firstAt - b.firstAt || a.siteId.localeCompare(b.siteId));
}

/** A cluster of recent complaints about one matter, as intake remembers it. */
export interface RecentCluster {
  /** Stable key (the server uses the id of the cluster's first complaint). */
  readonly key: string;
  readonly members: readonly ComplaintForDetection[];
}

export type ClusterMatch = CollectiveMatch & {
  /** The cluster the new complaint joined; null: it starts one of its own. */
  readonly clusterKey: string | null;
};

/**
 * For intake, in time linear in the window: place the new complaint in the
 * recent cluster it matches best (the same rule as the batch pass) and say
 * whether that completes a collective complaint, joins one, or only resembles
 * others. `clusters` are the site's recent complaints grouped as earlier
 * intakes placed them; `unplaced`, recent complaints whose place is not known
 * (taken in before places were kept, or their words changed since), placed
 * first in time order by the same rule, each starting a cluster keyed by its
 * own id if none matches; `groupedIds`, those already recorded as members of a
 * collective group. A new complaint that arrives out of time order (a
 * backdated letter) is placed among the clusters as they are; earlier
 * placements are not revisited.
 */
export function matchIntoClusters(
  newComplaint: ComplaintForDetection,
  clusters: readonly RecentCluster[],
  settings: Partial<CollectiveSettings>,
  deps: MatterDeps,
  groupedIds: ReadonlySet<string>,
  unplaced: readonly ComplaintForDetection[] = [],
): ClusterMatch {
  const s = resolveSettings(settings);
  const [item] = prepare([newComplaint], s, deps);
  const sameSite = (c: ComplaintForDetection) => c.siteId === newComplaint.siteId && c.id !== newComplaint.id;
  const candidates = clusters
    .map((c) => ({ key: c.key, members: prepare(c.members.filter(sameSite), s, deps) }))
    .filter((c) => c.members.length > 0);
  for (const late of prepare(unplaced.filter(sameSite), s, deps).sort(byTime)) {
    const at = bestCluster(late, candidates.map((c) => c.members), s);
    if (at === null) candidates.push({ key: late.c.id, members: [late] });
    else candidates[at]!.members.push(late);
  }
  const best = bestCluster(item!, candidates.map((c) => c.members), s);
  if (best === null) return { kind: 'none', clusterKey: null };
  const chosen = candidates[best]!;
  const members = [...chosen.members, item!].sort(byTime);
  const clusterKey = chosen.key;

  const collective = collectiveMembers(members, s);
  if (collective.includes(item!)) {
    const group = toGroup(collective);
    const newMemberIds = group.memberIds.filter((id) => !groupedIds.has(id));
    const kind = group.memberIds.some((id) => groupedIds.has(id)) ? 'joined' : 'completed';
    return { kind, group, newMemberIds, clusterKey };
  }
  return {
    kind: 'similar',
    matterIds: members.filter((m) => m !== item).map((m) => m.c.id),
    distinctCustomers: new Set(members.map((m) => m.c.customerId)).size,
    clusterKey,
  };
}

/**
 * For intake without remembered clusters: `recentComplaints` are the site's
 * complaints of the last window (others are ignored), clustered here by the
 * batch pass, then the new complaint is placed as `matchIntoClusters` does.
 * `groupedIds` as there; absent, the groups the batch pass finds count as recorded.
 */
export function matchNewComplaint(
  newComplaint: ComplaintForDetection,
  recentComplaints: readonly ComplaintForDetection[],
  settings: Partial<CollectiveSettings>,
  deps: MatterDeps,
  groupedIds?: ReadonlySet<string>,
): CollectiveMatch {
  const s = resolveSettings(settings);
  const others = recentComplaints.filter((c) => c.siteId === newComplaint.siteId && c.id !== newComplaint.id);
  const { clusters, groups } = groupsOfSite(prepare(others, s, deps), s);
  const grouped = groupedIds ?? new Set(groups.flatMap((g) => g.memberIds));
  const recent = clusters.map((members) => ({ key: members[0]!.c.id, members: members.map((m) => m.c) }));
  const match = matchIntoClusters(newComplaint, recent, s, deps, grouped);
  switch (match.kind) {
    case 'none': return { kind: 'none' };
    case 'similar': return { kind: 'similar', matterIds: match.matterIds, distinctCustomers: match.distinctCustomers };
    default: return { kind: match.kind, group: match.group, newMemberIds: match.newMemberIds };
  }
}

/**
 * Earlier complaints about the same matter as `target` (no time window: the
 * caller chooses how far back). For the repeat rule: pass the customer's own
 * earlier complaints.
 */
export function findSameMatter(
  target: Pick<ComplaintForDetection, 'text' | 'categoryId' | 'features'>,
  candidates: readonly Pick<ComplaintForDetection, 'id' | 'text' | 'categoryId' | 'features'>[],
  settings: Partial<CollectiveSettings>,
  deps: MatterDeps,
): string[] {
  const s = resolveSettings(settings);
  const tf = target.features ?? matterFeatures(target.text, deps, s.lexicon);
  return candidates
    .filter((c) => {
      const f = c.features ?? matterFeatures(c.text, deps, s.lexicon);
      if (matterConflict(tf, f, { a: target.categoryId, b: c.categoryId })) return false;
      return matterSimilarity(tf, f) >= s.similarityThreshold;
    })
    .map((c) => c.id);
}
