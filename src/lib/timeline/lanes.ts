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

interface Placed {
  x: number;
  right: number;
  lane: number;
}

/**
 * One lane per request (same order as the input). Requests may come in any
 * order; ties in x are taken to be in input order (earlier index = earlier event).
 */
export function assignLanes(requests: readonly LaneRequest[], options: LaneOptions = {}): number[] {
  const gap = options.gap ?? 8;
  const order = requests.map((_, i) => i).sort((a, b) => requests[a]!.x - requests[b]!.x || a - b);
  const lanes = new Array<number>(requests.length).fill(0);
  const placed: Placed[] = [];
  let top = -1;
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    const { x, width } = requests[i]!;
    const right = x + width;
    let lane = 0;
    for (; lane <= top; lane++) {
      if (placed.every((p) => compatible(p, x, right, lane, gap))) break;
    }
    placed.push({ x, right, lane });
    lanes[i] = lane;
    top = Math.max(top, lane);
  }
  return lanes;
}

function compatible(p: Placed, x: number, right: number, lane: number, gap: number): boolean {
  if (p.x === x) return p.lane < lane; // same instant: the earlier event goes above the later one
  if (p.lane === lane) return right + gap <= p.x || p.right + gap <= x;
  if (p.lane < lane) return !(p.x < x && x < p.right + gap); // our leader would cross p's label
  return !(x < p.x && p.x < right + gap); // p's leader would cross our label
}
