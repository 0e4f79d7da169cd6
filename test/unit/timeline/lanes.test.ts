import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignLanes, type LaneRequest } from '../../../src/lib/timeline/lanes';

const GAP = 8;

/** The three rules of lanes.ts, checked pair by pair. */
function expectValidLanes(requests: readonly LaneRequest[], lanes: readonly number[]) {
  expect(lanes).toHaveLength(requests.length);
  for (let i = 0; i < requests.length; i++) {
    for (let j = 0; j < requests.length; j++) {
      if (i === j) continue;
      const a = requests[i]!, b = requests[j]!;
      const la = lanes[i]!, lb = lanes[j]!;
      if (la === lb) {
        // same lane: boxes apart by at least the gap
        expect(a.x + a.width + GAP <= b.x || b.x + b.width + GAP <= a.x, `labels ${i} and ${j} overlap in lane ${la}`).toBe(true);
      }
      if (lb < la) {
        // a's leader runs through lane lb at a.x: it must not cross b's label
        expect(b.x < a.x && a.x < b.x + b.width + GAP, `leader ${i} crosses label ${j}`).toBe(false);
      }
      if (a.x === b.x && i < j) expect(la, `same-instant events ${i}, ${j} out of order`).toBeGreaterThan(lb);
    }
  }
}

describe('assignLanes', () => {
  it('keeps labels that do not collide in the lowest lane', () => {
    expect(assignLanes([{ x: 0, width: 50 }, { x: 100, width: 50 }])).toEqual([0, 0]);
  });

  it('lifts an earlier label over a later one it would cover', () => {
    // [0,150] covers the later event at 100, so the earlier label goes above it.
    expect(assignLanes([{ x: 0, width: 150 }, { x: 100, width: 50 }])).toEqual([1, 0]);
  });

  it('does not put a label across the leader of a label further up', () => {
    // C (x 500) takes lane 0; B (x 400, to 550) hits C, so lane 1; A (x 380, to 430) would fit
    // in lane 0 as an interval, but there it would sit across B's leader at 400: it goes to lane 2.
    const requests = [{ x: 380, width: 50 }, { x: 400, width: 150 }, { x: 500, width: 50 }];
    expect(assignLanes(requests)).toEqual([2, 1, 0]);
    expectValidLanes(requests, [2, 1, 0]);
  });

  it('reuses lanes once events are far apart', () => {
    const requests = [0, 10, 400, 410].map((x) => ({ x, width: 100 }));
    expect(assignLanes(requests)).toEqual([1, 0, 1, 0]);
  });

  it('stacks events at the same instant in input order, the first on top', () => {
    const requests = [{ x: 100, width: 80 }, { x: 100, width: 20 }, { x: 100, width: 200 }];
    expect(assignLanes(requests)).toEqual([2, 1, 0]);
  });

  it('cascades a dense burst: one lane per event, earliest on top', () => {
    const requests = Array.from({ length: 40 }, (_, i) => ({ x: 16 + i * 20, width: 200 }));
    const lanes = assignLanes(requests);
    expect(lanes).toEqual(Array.from({ length: 40 }, (_, i) => 39 - i));
  });

  it('accepts requests in any order', () => {
    const requests = [{ x: 400, width: 150 }, { x: 500, width: 50 }, { x: 380, width: 50 }];
    expect(assignLanes(requests)).toEqual([1, 0, 2]);
  });

  it('never overlaps labels nor crosses a leader, for any set of labels', () => {
    const request = fc.record({
      x: fc.oneof(fc.integer({ min: 0, max: 900 }), fc.constantFrom(0, 100, 100.5, 450)),
      width: fc.integer({ min: 1, max: 360 }),
    });
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 60 }), (requests) => {
        expectValidLanes(requests, assignLanes(requests));
      }),
      { numRuns: 300 },
    );
  });
});

/** The first, quadratic-per-event greedy packing, kept as the oracle: the O(n log n) packing must place every label where it did. */
function greedyLanes(requests: readonly LaneRequest[], gap = GAP): number[] {
  const order = requests.map((_, i) => i).sort((a, b) => requests[a]!.x - requests[b]!.x || a - b);
  const lanes = new Array<number>(requests.length).fill(0);
  const placed: Array<{ x: number; right: number; lane: number }> = [];
  let top = -1;
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    const { x, width } = requests[i]!;
    const right = x + width;
    let lane = 0;
    for (; lane <= top; lane++) {
      if (placed.every((p) => {
        if (p.x === x) return p.lane < lane;
        if (p.lane === lane) return right + gap <= p.x || p.right + gap <= x;
        if (p.lane < lane) return !(p.x < x && x < p.right + gap);
        return !(x < p.x && p.x < right + gap);
      })) break;
    }
    placed.push({ x, right, lane });
    lanes[i] = lane;
    top = Math.max(top, lane);
  }
  return lanes;
}

describe('assignLanes against the greedy packing it replaces', () => {
  it('places every label in the same lane as the greedy packing, for any set of labels', () => {
    const request = fc.record({
      x: fc.oneof(fc.integer({ min: 0, max: 900 }), fc.constantFrom(0, 100, 100.5, 450), fc.double({ min: 0, max: 900, noNaN: true })),
      width: fc.oneof(fc.integer({ min: 0, max: 360 }), fc.constantFrom(0, 8, 1000)),
    });
    fc.assert(
      fc.property(fc.array(request, { minLength: 0, maxLength: 80 }), fc.constantFrom(0, 8, 20), (requests, gap) => {
        expect(assignLanes(requests, { gap })).toEqual(greedyLanes(requests, gap));
      }),
      { numRuns: 500 },
    );
  });

});
