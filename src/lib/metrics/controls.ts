import { ACTION_CONTROLS, MECHANISM_CONTROLS, type ActionControl } from '../../schema/action-item';

export interface ControlMix {
  /** Items per control, in the hierarchy's order (strongest first), zeros included. */
  byControl: Array<{ control: ActionControl; count: number }>;
  /** eliminate, substitute or engineering: they work without anyone remembering. */
  mechanisms: number;
  /** administrative or training: they rely on people remembering. */
  intentions: number;
  /** Items without a `control`. */
  unclassified: number;
  /** mechanisms ÷ (mechanisms + intentions); undefined when no item is classified. */
  mechanismShare: number | undefined;
}

/** Where a set of action items sits in the prevention hierarchy. Declined (wont-do) items are left out: they will not act. */
export function controlMix(items: Iterable<{ control?: ActionControl | undefined; status: string }>): ControlMix {
  const counts = new Map<ActionControl, number>(ACTION_CONTROLS.map((c) => [c, 0]));
  let unclassified = 0;
  for (const item of items) {
    if (item.status === 'wont-do') continue;
    if (item.control === undefined) unclassified++;
    else counts.set(item.control, counts.get(item.control)! + 1);
  }
  let mechanisms = 0, intentions = 0;
  for (const [control, n] of counts) {
    if (MECHANISM_CONTROLS.has(control)) mechanisms += n;
    else intentions += n;
  }
  const classified = mechanisms + intentions;
  return {
    byControl: ACTION_CONTROLS.map((control) => ({ control, count: counts.get(control)! })),
    mechanisms,
    intentions,
    unclassified,
    mechanismShare: classified ? mechanisms / classified : undefined,
  };
}
