/*
 * Lane assignment for event labels. Labels sit above the axis in lanes
 * (lane 0 nearest the axis); each label starts at its event's x and a
 * vertical leader runs from the event's mark up to it. Three rules:
 *
 *   1. labels in the same lane do not overlap (with a gap);
 *   2. no leader passes through another label: a leader at x crosses every
 *      lane below its own, so a label in a lower lane must not span x;
 *   3. events at the same instant stack in chronological order, earliest on top.
 *
 * Greedy, deterministic packing: events are placed from the latest to the
 * earliest, each in the lowest lane that keeps the rules. Because every label
 * already placed starts at or to the right of the current event, a new lane
 * above all others always satisfies them, so the packing always succeeds.
 * The result reads top to bottom in time order within a burst of events (a
 * cascade down and to the right), and reuses lanes once events are far apart.
 *
 * Dense bursts cost height: n events closer together than a label is wide
 * need n lanes, since any label of the burst would otherwise sit across a
 * later event's leader. That is the price of never crossing a label.
 */

export interface LaneRequest {
  /** x of the event (the leader) and the left edge of its label. */
  x: number;
  /** Width of the label box, from x. */
  width: number;
}

export interface LaneOptions {
  /** Least horizontal space between two labels in one lane, and between a label and a leader. */
  gap?: number;
}

/**
 * One lane per request (same order as the input). Requests may come in any
 * order; ties in x are taken to be in input order (earlier index = earlier event).
 *
 * O(n log n). Walking from the latest event to the earliest, every label already
 * placed starts at or right of the current x, so the rules reduce to one: the new
 * label must go above every placed label whose x lies in [x, right + gap) (it would
 * sit across their leaders, or overlap them in their lane), and above every label at
 * the same x. Every other placed label is compatible with any lane. The lowest lane
 * is therefore one more than the highest lane among the placed labels at the front
 * of the walk up to `right + gap`: a range maximum over a prefix of what is placed,
 * answered by binary search over the running maxima ("a label is a maximum for
 * every prefix that reaches it until a higher one is placed in front of it").
 */
export function assignLanes(requests: readonly LaneRequest[], options: LaneOptions = {}): number[] {
  const gap = options.gap ?? 8;
  const order = requests.map((_, i) => i).sort((a, b) => requests[a]!.x - requests[b]!.x || a - b);
  const xs = order.map((i) => requests[i]!.x);
  const lanes = new Array<number>(requests.length).fill(0);
  // Placed labels that are higher than every label placed after them (nearer the front), by sorted position:
  // positions decrease and lanes decrease from the bottom of the stack to its top.
  const stackPos: number[] = [];
  const stackLane: number[] = [];
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    const { x, width } = requests[i]!;
    // First sorted position whose label is far enough right to be compatible: x ≥ right + gap, and past every tie at x.
    const end = Math.max(lowerBound(xs, x + width + gap, k + 1), upperBound(xs, x, k + 1));
    // The highest lane among positions k+1 … end-1: the deepest stack entry whose position is below `end`.
    let lo = 0, hi = stackPos.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (stackPos[mid]! < end) hi = mid;
      else lo = mid + 1;
    }
    const lane = lo < stackPos.length ? stackLane[lo]! + 1 : 0;
    lanes[i] = lane;
    while (stackLane.length && stackLane[stackLane.length - 1]! <= lane) {
      stackLane.pop();
      stackPos.pop();
    }
    stackPos.push(k);
    stackLane.push(lane);
  }
  return lanes;
}

/** First index ≥ from whose value is ≥ v (values ascending). */
function lowerBound(values: readonly number[], v: number, from: number): number {
  let lo = from, hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index ≥ from whose value is > v (values ascending). */
function upperBound(values: readonly number[], v: number, from: number): number {
  let lo = from, hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
