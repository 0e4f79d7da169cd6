import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutFishbone, type FishboneCause, type FishboneLayout } from '../../../src/lib/fishbone';
import { estimateTextWidth } from '../../../src/lib/timeline/text';

const GROUPS = ['people', 'process', 'technology', 'environment'] as const;

function expectReadable(layout: FishboneLayout, causes: readonly FishboneCause[]) {
  const style = (bold: boolean) => ({ fontSize: layout.fontSize, bold });
  // Every cause is on its own bone, once, in the order given.
  for (const group of GROUPS) {
    const bone = layout.bones.find((b) => b.group === group)!;
    expect(bone.entries.map((e) => e.title)).toEqual(causes.filter((c) => c.group === group).map((c) => c.title));
    expect(bone.empty === undefined).toBe(bone.entries.length > 0);
    // Entries of one bone do not overlap, and each stays on its side of the spine.
    const top = bone.line.y2 < layout.spine.y;
    bone.entries.forEach((e, i) => {
      if (i > 0) {
        const prev = bone.entries[i - 1]!.box;
        expect(e.box.y).toBeGreaterThanOrEqual(prev.y + prev.height);
      }
      if (top) expect(e.box.y + e.box.height).toBeLessThanOrEqual(layout.spine.y);
      else expect(e.box.y).toBeGreaterThanOrEqual(layout.spine.y);
      for (const line of e.lines) {
        const w = estimateTextWidth(line.text, style(e.bold));
        // Right-aligned text: it starts at x − w, inside the drawing and inside its box.
        expect(line.x - w).toBeGreaterThanOrEqual(e.box.x - 0.5);
        expect(line.x - w).toBeGreaterThanOrEqual(0);
        expect(line.y).toBeLessThanOrEqual(layout.height);
      }
    });
    // The bone's name is inside the drawing.
    const labelWidth = estimateTextWidth(bone.label.text, { fontSize: layout.fontSize, bold: true });
    expect(bone.label.x - labelWidth / 2).toBeGreaterThanOrEqual(0);
    expect(bone.label.y - layout.fontSize).toBeGreaterThanOrEqual(0);
    expect(bone.label.y).toBeLessThanOrEqual(layout.height);
  }
  // Text of the right-hand bones never reaches left of the left-hand bones' join.
  for (const column of [1, 3]) {
    const left = layout.bones[column - 1]!.line.x1;
    for (const e of layout.bones[column]!.entries) expect(e.box.x).toBeGreaterThan(left);
  }
  expect(layout.head.x + layout.head.width).toBeLessThanOrEqual(layout.width);
  expect(layout.head.y).toBeGreaterThanOrEqual(0);
  expect(layout.head.y + layout.head.height).toBeLessThanOrEqual(layout.height);
}

describe('layoutFishbone', () => {
  it('puts the root cause and the contributing factors on the bones of their groups', () => {
    const causes: FishboneCause[] = [
      { group: 'process', text: 'Process gap', root: true, title: 'Root cause: Process gap' },
      { group: 'technology', text: 'Software defect', root: false, title: 'Contributing: Software defect' },
      { group: 'technology', text: 'Monitoring gap', root: false, title: 'Contributing: Monitoring gap' },
    ];
    const layout = layoutFishbone('Label creation failed for 26 minutes during a planned parcel database upgrade', causes);
    expect(layout.bones.map((b) => [b.group, b.entries.length])).toEqual([['people', 0], ['process', 1], ['technology', 2], ['environment', 0]]);
    expect(layout.bones[1]!.entries[0]!.root).toBe(true);
    expect(layout.bones[0]!.empty?.text).toBe('none');
    expect(layout.head.lines.length).toBeGreaterThan(1);
    expectReadable(layout, causes);
  });

  it('wraps a long category name onto more lines rather than running out of its room or cutting it', () => {
    const causes: FishboneCause[] = [{ group: 'process', text: 'Deployment and change management (3\u00a0+\u00a01)', root: true, bold: false, title: 't' }];
    const layout = layoutFishbone('2026 Q3', causes);
    const lines = layout.bones[1]!.entries[0]!.lines.map((l) => l.text);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Deployment and change management (3\u00a0+\u00a01)');
    expectReadable(layout, causes);
  });

  it('stays readable for any set of causes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ group: fc.constantFrom(...GROUPS), text: fc.string({ minLength: 1, maxLength: 80 }), root: fc.boolean(), bold: fc.boolean() }), { maxLength: 14 }),
        fc.string({ maxLength: 200 }),
        (list, head) => {
          const causes = list.map((c, i) => ({ ...c, title: `cause ${i}` }));
          expectReadable(layoutFishbone(head, causes), causes);
        },
      ),
      { numRuns: 200 },
    );
  });
});
