/*
 * Fishbone (Ishikawa) diagrams: the causes of an incident, or of a quarter's incidents, on the
 * four bones of the practice (People, Process, Technology, Environment: the groups of the
 * taxonomy). Pure geometry: causes in, plain numbers and text lines out; the component draws them
 * as SVG at build time, one element per item, and puts a table of the same causes beside it.
 *
 *            People                  Process
 *               \  entry ●              \  entry ○
 *                \  entry ○              \
 *   ──────────────\───────────────────────\──────────▶ ┌──────────┐
 *                 /                       /            │ incident │
 *   Technology   /  entry ○   Environment /  entry ●   └──────────┘
 *
 * The drawing is narrow on purpose (440 units): it scales down to a 390 px phone without
 * scrolling, and labels wrap onto up to three lines rather than shrinking.
 */
import { FISHBONE_GROUPS } from '../../schema/catalog';
import { wrapToWidth } from '../charts/wrap';
import { estimateTextWidth, type MeasureText } from '../timeline/text';

export type FishboneGroup = (typeof FISHBONE_GROUPS)[number];

export const BONE_LABELS: Readonly<Record<FishboneGroup, string>> = {
  people: 'People',
  process: 'Process',
  technology: 'Technology',
  environment: 'Environment',
};

/** One cause to place: a category on its bone. */
export interface FishboneCause {
  group: FishboneGroup;
  /** What the entry says, e.g. "Monitoring gap" or "Monitoring gap (1 + 2)". */
  text: string;
  /** Drawn with a filled marker: the root cause (or, aggregated, a category that was a root cause). */
  root: boolean;
  /** Text in bold (default: as `root`). */
  bold?: boolean | undefined;
  /** Tooltip: the full wording. */
  title: string;
}

interface TextLine {
  text: string;
  x: number;
  y: number;
}

interface FishboneEntry {
  lines: TextLine[];
  root: boolean;
  bold: boolean;
  title: string;
  /** The marker where the entry joins its bone. */
  marker: { x: number; y: number };
  /** The twig from the text to the marker. */
  twig: { x1: number; x2: number; y: number };
  /** The room the text takes: right-aligned at box.x + box.width. */
  box: { x: number; y: number; width: number; height: number };
}

interface FishboneBone {
  group: FishboneGroup;
  label: { text: string; x: number; y: number };
  /** From the spine (x1, y1) to the bone's outer end (x2, y2). */
  line: { x1: number; y1: number; x2: number; y2: number };
  entries: FishboneEntry[];
  /** "none" when nothing sits on this bone. */
  empty: TextLine | undefined;
}

export interface FishboneLayout {
  width: number;
  height: number;
  fontSize: number;
  lineHeight: number;
  spine: { x1: number; x2: number; y: number };
  head: { x: number; y: number; width: number; height: number; lines: TextLine[] };
  bones: FishboneBone[];
}

export interface FishboneOptions {
  width?: number;
  fontSize?: number;
  /** Lines an entry may wrap onto (default 3). */
  maxLines?: number;
  measure?: MeasureText;
}

/** Top row left to right, then bottom row left to right. */
const POSITIONS: ReadonlyArray<{ group: FishboneGroup; column: 0 | 1; top: boolean }> = [
  { group: 'people', column: 0, top: true },
  { group: 'process', column: 1, top: true },
  { group: 'technology', column: 0, top: false },
  { group: 'environment', column: 1, top: false },
];

const r = (v: number) => Math.round(v * 10) / 10;

/**
 * Lays out a fishbone: `head` is the effect (the incident's title, or the quarter); `causes` go
 * onto their bones in the order given (root causes are conventionally listed first).
 */
export function layoutFishbone(head: string, causes: readonly FishboneCause[], options: FishboneOptions = {}): FishboneLayout {
  const width = options.width ?? 440;
  const fontSize = options.fontSize ?? 11;
  const maxLines = options.maxLines ?? 3;
  const measure = options.measure ?? estimateTextWidth;
  const lineHeight = Math.round(fontSize * 1.25);
  const style = { fontSize };
  const bold = { fontSize, bold: true };

  const margin = 4;
  const headWidth = Math.round(width * 0.24);
  const headX = width - margin - headWidth;
  const plotLeft = margin;
  const plotRight = headX - 10;
  const columnWidth = (plotRight - plotLeft) / 2;
  const slant = 20;
  const labelGap = fontSize + 8; // the bone's name sits beyond its outer end
  const entryGap = 5;
  const textRoom = columnWidth - slant - 12;

  // Wrap every entry first: the bones' lengths follow from the number of lines.
  const wrapped = POSITIONS.map(({ group }) =>
    causes
      .filter((c) => c.group === group)
      .map((c) => ({ cause: c, ...wrapToWidth(c.text, textRoom, (c.bold ?? c.root) ? bold : style, maxLines, measure) })),
  );
  const extent = (i: number) => {
    const list = wrapped[i]!;
    const body = list.length ? list.reduce((h, w) => h + w.lines.length * lineHeight + entryGap, 0) : lineHeight + entryGap;
    // A bone is never shorter than two entries' worth, so that even a lone cause reads as on its bone.
    return labelGap + Math.max(body, 2 * (lineHeight + entryGap)) + 8;
  };
  const topExtent = Math.max(extent(0), extent(1));
  const bottomExtent = Math.max(extent(2), extent(3));

  const headLines = wrapToWidth(head, headWidth - 12, style, 6, measure).lines;
  const headHeight = Math.max(headLines.length * lineHeight + 12, 36);
  const spineY = Math.max(topExtent, headHeight / 2 + 4) + 2;
  const height = Math.ceil(spineY + Math.max(bottomExtent, headHeight / 2 + 4) + 4);

  const bones: FishboneBone[] = POSITIONS.map(({ group, column, top }, i) => {
    const joinX = plotLeft + (column + 1) * columnWidth;
    const length = (top ? topExtent : bottomExtent) - labelGap;
    const outerY = top ? spineY - length : spineY + length;
    const outerX = joinX - slant;
    // x on the bone at height y: the bone runs straight from (joinX, spineY) to (outerX, outerY).
    const xAt = (y: number) => joinX - (slant * Math.min(Math.abs(spineY - y), length)) / length;
    // Entries read top to bottom on both rows: from the outer end down on top, from the spine down below.
    let cursor = top ? outerY + 3 : spineY + 4;
    const entries: FishboneEntry[] = wrapped[i]!.map(({ cause, lines }) => {
      const h = lines.length * lineHeight;
      const boxTop = cursor;
      cursor += h + entryGap;
      const markerY = boxTop + lineHeight / 2;
      const mx = xAt(markerY);
      const right = mx - 8;
      return {
        lines: lines.map((text, k) => ({ text, x: r(right), y: r(boxTop + k * lineHeight + fontSize * 0.85) })),
        root: cause.root,
        bold: cause.bold ?? cause.root,
        title: cause.title,
        marker: { x: r(mx), y: r(markerY) },
        twig: { x1: r(right + 2), x2: r(mx), y: r(markerY) },
        box: { x: r(right - textRoom), y: r(boxTop), width: r(textRoom), height: h },
      };
    });
    const emptyY = top ? outerY + 3 : spineY + 4;
    return {
      group,
      label: { text: BONE_LABELS[group], x: r(outerX), y: r(top ? outerY - 5 : outerY + fontSize + 4) },
      line: { x1: r(joinX), y1: r(spineY), x2: r(outerX), y2: r(outerY) },
      entries,
      empty: entries.length ? undefined : { text: 'none', x: r(xAt(emptyY + lineHeight / 2) - 8), y: r(emptyY + fontSize * 0.85) },
    };
  });

  const headY = spineY - headHeight / 2;
  return {
    width,
    height,
    fontSize,
    lineHeight,
    spine: { x1: plotLeft, x2: headX, y: r(spineY) },
    head: {
      x: headX,
      y: r(headY),
      width: headWidth,
      height: headHeight,
      lines: headLines.map((text, k) => ({ text, x: r(headX + 6), y: r(headY + 6 + k * lineHeight + fontSize * 0.85) })),
    },
    bones,
  };
}
