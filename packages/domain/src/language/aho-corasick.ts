/**
 * Aho–Corasick automaton over UTF-16 code units: finds every occurrence of
 * every pattern in one left-to-right pass, whatever the number of patterns.
 *
 * Layout, chosen for V8 and for a CJK alphabet (thousands of symbols, so a
 * dense state × symbol table would not fit):
 * - code units are mapped to a small alphabet (symbolOf); a unit that occurs in
 *   no pattern sends the automaton straight back to the root, which is what
 *   happens for most characters of ordinary text;
 * - the root has a dense row (rootNext), as almost every step passes through it;
 * - other states keep their edges in flat typed arrays sorted by symbol
 *   (edgeStart…edgeStart+1), searched linearly when short, binarily when long;
 * - failure links plus "dictionary" links (next state on the failure chain
 *   that ends a pattern) so reporting costs nothing when nothing matches.
 */

export interface Automaton {
  readonly patternCount: number;
  /**
   * Reports each occurrence as (pattern index, end), end exclusive, in order
   * of end; at one end, longer patterns first. A duplicate pattern is
   * reported under its first index only.
   */
  scan(units: ArrayLike<number>, length: number, onMatch: (pattern: number, end: number) => void): void;
}

const LINEAR_EDGES = 8;

export function buildAutomaton(patterns: readonly string[]): Automaton {
  // Alphabet: 1…alphabetSize; 0 = "in no pattern".
  const symbolOf = new Uint16Array(65536);
  let alphabetSize = 0;
  for (const p of patterns) {
    if (p.length === 0) throw new RangeError('empty pattern');
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (symbolOf[c] === 0) {
        if (alphabetSize === 0xffff) throw new RangeError('alphabet too large');
        symbolOf[c] = ++alphabetSize;
      }
    }
  }

  // Trie with Map edges while building.
  const children: Map<number, number>[] = [new Map()];
  const output: number[] = [-1];
  patterns.forEach((p, index) => {
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const sym = symbolOf[p.charCodeAt(i)]!;
      const edges = children[s]!;
      let next = edges.get(sym);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        output.push(-1);
        edges.set(sym, next);
      }
      s = next;
    }
    if (output[s] === -1) output[s] = index;
  });

  const stateCount = children.length;
  const fail = new Int32Array(stateCount);
  const dict = new Int32Array(stateCount); // 0 = none (the root never outputs)
  const rootNext = new Int32Array(alphabetSize + 1);
  for (const [sym, next] of children[0]!) rootNext[sym] = next;

  // Breadth-first, so a state's failure target is finished before the state.
  const queue: number[] = [...children[0]!.values()];
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    for (const [sym, next] of children[s]!) {
      let f = fail[s]!;
      let target = 0;
      for (;;) {
        const t = f === 0 ? rootNext[sym]! : children[f]!.get(sym);
        if (t !== undefined && t !== 0) {
          target = t;
          break;
        }
        if (f === 0) break;
        f = fail[f]!;
      }
      fail[next] = target;
      dict[next] = output[target]! >= 0 ? target : dict[target]!;
      queue.push(next);
    }
  }

  // Flatten the edges.
  const edgeStart = new Int32Array(stateCount + 1);
  let edgeTotal = 0;
  for (let s = 0; s < stateCount; s++) {
    edgeStart[s] = edgeTotal;
    if (s !== 0) edgeTotal += children[s]!.size;
  }
  edgeStart[stateCount] = edgeTotal;
  const edgeSymbol = new Uint16Array(edgeTotal);
  const edgeTarget = new Int32Array(edgeTotal);
  for (let s = 1; s < stateCount; s++) {
    const sorted = [...children[s]!].sort((a, b) => a[0] - b[0]);
    let k = edgeStart[s]!;
    for (const [sym, next] of sorted) {
      edgeSymbol[k] = sym;
      edgeTarget[k++] = next;
    }
  }
  const out = Int32Array.from(output);

  function step(s: number, sym: number): number {
    for (;;) {
      if (s === 0) return rootNext[sym]!;
      let lo = edgeStart[s]!;
      let hi = edgeStart[s + 1]!;
      if (hi - lo <= LINEAR_EDGES) {
        for (; lo < hi; lo++) if (edgeSymbol[lo] === sym) return edgeTarget[lo]!;
      } else {
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          const m = edgeSymbol[mid]!;
          if (m === sym) return edgeTarget[mid]!;
          if (m < sym) lo = mid + 1;
          else hi = mid;
        }
      }
      s = fail[s]!;
    }
  }

  function scan(units: ArrayLike<number>, length: number, onMatch: (pattern: number, end: number) => void): void {
    let s = 0;
    for (let i = 0; i < length; i++) {
      const sym = symbolOf[units[i]!]!;
      if (sym === 0) {
        s = 0;
        continue;
      }
      s = step(s, sym);
      if (s === 0) continue;
      let o = out[s]! >= 0 ? s : dict[s]!;
      while (o !== 0) {
        onMatch(out[o]!, i + 1);
        o = dict[o]!;
      }
    }
  }

  return { patternCount: patterns.length, scan };
}
