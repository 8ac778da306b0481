/** A candidate move: fund or upgrade `candidate` to `option`, pulling in its unfunded dependencies. */
export interface Move {
  readonly candidate: number;
  readonly option: number;
  /** Benefit gained per fen spent; Infinity when the move gains benefit without spending more. */
  readonly ratio: number;
  /** Extra cost per year of life, which breaks ties between equal ratios (longer-lived wins). */
  readonly annualCost: number;
  /** The candidate's version when the move was priced; a later change makes it stale. */
  readonly version: number;
}

/** True when a should be tried before b: best ratio, then cheaper per year, then input order. */
export function before(a: Move, b: Move): boolean {
  if (a.ratio !== b.ratio) return a.ratio > b.ratio;
  if (a.annualCost !== b.annualCost) return a.annualCost < b.annualCost;
  if (a.candidate !== b.candidate) return a.candidate < b.candidate;
  return a.option < b.option;
}

/** A binary max-heap of moves in `before` order. */
export class MoveHeap {
  private readonly items: Move[] = [];

  get size(): number {
    return this.items.length;
  }

  push(move: Move): void {
    const items = this.items;
    items.push(move);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): Move | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && before(items[l], items[best])) best = l;
        if (r < items.length && before(items[r], items[best])) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best], items[i]];
        i = best;
      }
    }
    return top;
  }
}
