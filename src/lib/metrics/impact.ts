import type { Impact } from '../../schema/impact';

/** A sum over the incidents that state the number, with how many did (n). */
interface ImpactSum {
  total: number;
  n: number;
}

export interface ImpactTotals {
  incidents: number;
  users: ImpactSum;
  revenueUsd: ImpactSum;
  /** Summed percentages of (possibly different) SLO budgets: a measure of how much budget burned, not a share of one budget. */
  sloBudgetPct: ImpactSum;
  tickets: ImpactSum;
  /** Incidents marked customer_facing: true, of the n that say either way. */
  customerFacing: ImpactSum;
  dataLoss: ImpactSum;
}

/** Impact figures over a set of incidents; an incident that leaves a number out is left out of its n. */
export function impactTotals(impacts: Iterable<Impact>): ImpactTotals {
  const sum = (): ImpactSum => ({ total: 0, n: 0 });
  const t: ImpactTotals = { incidents: 0, users: sum(), revenueUsd: sum(), sloBudgetPct: sum(), tickets: sum(), customerFacing: sum(), dataLoss: sum() };
  const add = (s: ImpactSum, v: number | undefined) => {
    if (v === undefined) return;
    s.total += v;
    s.n++;
  };
  for (const i of impacts) {
    t.incidents++;
    add(t.users, i.users_affected);
    add(t.revenueUsd, i.revenue_usd);
    add(t.sloBudgetPct, i.slo_budget_consumed_pct);
    add(t.tickets, i.support_tickets);
    add(t.customerFacing, i.customer_facing === undefined ? undefined : Number(i.customer_facing));
    add(t.dataLoss, i.data_loss === undefined ? undefined : Number(i.data_loss));
  }
  return t;
}
