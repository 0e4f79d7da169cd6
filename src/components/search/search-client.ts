/*
 * The search page's client: Pagefind's JS API, facet filters with counts,
 * sorting, and the query and filters kept in the URL so a search can be shared.
 * Built by Astro/Vite; it runs only on /search/.
 *
 * What a first search fetches is kept small: the facet values and their
 * totals are written into the page at build time, so results come from the
 * word index alone; the filter files (a large share of the index on a big
 * knowledge base) are loaded once results are on screen, and the facets then
 * show the counts for the query (`data-counts="query"` on the facet box).
 */
import { SEARCH_FACETS as FACETS, SEARCH_OPTIONS } from '../../data/search';
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}
interface PagefindResponse {
  results: Array<{ id: string; data: () => Promise<PagefindResultData> }>;
  filters: Record<string, Record<string, number>>;
  unfilteredResultCount: number;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (term: string | null, o?: Record<string, unknown>) => Promise<PagefindResponse | null>;
}

/** Results shown at first and per "Show more": each one fetches its own fragment of the index. */
const PAGE = 10;

interface State {
  q: string;
  sort: 'relevance' | 'date';
  filters: Record<string, string[]>;
}

function readState(): State {
  const p = new URLSearchParams(location.search);
  const filters: Record<string, string[]> = {};
  for (const f of FACETS) filters[f.key] = p.getAll(f.key);
  return { q: p.get('q') ?? '', sort: p.get('sort') === 'date' ? 'date' : 'relevance', filters };
}

function writeState(s: State): void {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const f of FACETS) for (const v of s.filters[f.key] ?? []) p.append(f.key, v);
  if (s.sort === 'date') p.set('sort', 'date');
  const query = p.toString();
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
}

/**
 * A facet value's count. Values are ids and tags, and `constructor` or `toString` is a valid id:
 * only the object's own properties count, never what it inherits from Object.prototype.
 */
export function countOf(counts: Record<string, Record<string, number>>, facet: string, value: string): number {
  const byValue = Object.hasOwn(counts, facet) ? counts[facet] : undefined;
  const n = byValue && Object.hasOwn(byValue, value) ? byValue[value] : undefined;
  return typeof n === 'number' ? n : 0;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

export async function startSearch(base: string): Promise<void> {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('search-q') as HTMLInputElement;
  const sortSelect = document.getElementById('search-sort') as HTMLSelectElement;
  const facetsBox = document.getElementById('search-facets')!;
  const resultsList = document.getElementById('search-results')!;
  const status = document.getElementById('search-status')!;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const filtersBox = document.getElementById('search-filters') as HTMLDetailsElement | null;
  const filterCount = document.getElementById('search-filter-count');
  const clear = document.getElementById('search-clear') as HTMLButtonElement | null;
  // Filters are open beside the results on a wide screen, folded behind their control on a phone.
  const wide = matchMedia('(min-width: 721px)');
  const fold = () => {
    if (filtersBox) filtersBox.open = wide.matches;
  };
  fold();
  wide.addEventListener('change', fold);

  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base, ...SEARCH_OPTIONS });
    await pagefind.init();
  } catch {
    status.textContent = import.meta.env.DEV
      ? 'Search needs a build: the index is made by `npm run build`. Run `npm run build && npm run preview` to try search locally.'
      : 'The search index could not be loaded. Try reloading the page.';
    document.getElementById('search-app')?.setAttribute('data-state', 'unavailable');
    return;
  }
  const allFilters = JSON.parse(document.getElementById('search-facet-totals')?.textContent ?? '{}') as Record<string, Record<string, number>>;
  let filtersLoaded: Promise<unknown> | undefined;
  let state = readState();
  input.value = state.q;
  sortSelect.value = state.sort;
  let shown: PagefindResponse['results'] = [];
  let rendered = 0;
  let generation = 0;

  const renderFacets = (counts: Record<string, Record<string, number>>) => {
    facetsBox.replaceChildren();
    for (const f of FACETS) {
      const selected = state.filters[f.key] ?? [];
      const values = Object.keys(allFilters[f.key] ?? {}).sort((a, b) => (f.key === 'year' ? b.localeCompare(a) : a.localeCompare(b)));
      if (!values.length) continue;
      const set = el('fieldset', { class: 'facet', 'data-facet': f.key });
      set.append(el('legend', {}, f.label));
      const row = (value: string) => {
        const id = `facet-${f.key}-${value.replace(/[^a-z0-9]+/gi, '-')}`;
        const box = el('input', { type: 'checkbox', id, name: f.key, value });
        box.checked = selected.includes(value);
        const count = countOf(counts, f.key, value);
        const label = el('label', { for: id });
        label.append(document.createTextNode(`${value} `), el('span', { class: 'facet-count' }, `(${count})`));
        const div = el('div', { class: count === 0 && !box.checked ? 'facet-value is-empty' : 'facet-value' });
        div.append(box, label);
        return div;
      };
      // Long facets (tags, services) show what matches now; the rest fold away.
      const prominent = values.length > 10 ? values.filter((v) => selected.includes(v) || countOf(counts, f.key, v) > 0) : values;
      const rest = values.filter((v) => !prominent.includes(v));
      for (const v of prominent) set.append(row(v));
      if (rest.length) {
        const more = el('details', { class: 'facet-more' });
        more.append(el('summary', {}, `${rest.length} more`));
        for (const v of rest) more.append(row(v));
        set.append(more);
      }
      facetsBox.append(set);
    }
  };

  /*
   * Facet counts are disjunctive: the counts of a facet with a selection are
   * taken from the same search without that facet's own filter, so every
   * value shows how many results choosing it would give.
   */
  const facetCounts = async (term: string | null, filters: Record<string, { any: string[] }>, base: PagefindResponse) => {
    const counts = { ...base.filters };
    for (const key of Object.keys(filters)) {
      const others = { ...filters };
      delete others[key];
      const r = await pagefind.search(term, { filters: others });
      if (r?.filters[key]) counts[key] = r.filters[key];
    }
    return counts;
  };

  const renderMore = async () => {
    const mine = generation;
    const batch = await Promise.all(shown.slice(rendered, rendered + PAGE).map((r) => r.data()));
    if (mine !== generation) return;
    for (const d of batch) {
      const li = el('li', { class: 'result' });
      const h = el('h2', { class: 'result-heading' });
      h.append(el('a', { class: 'result-title', href: d.url }, d.meta.title ?? d.url));
      const meta = el('p', { class: 'result-meta' });
      const sev = d.meta.severity ?? '';
      meta.append(
        el('span', { class: `badge result-severity sev-${sev.replace(/\D/g, '') || 'x'}` }, sev),
        el('time', { class: 'result-date', datetime: d.meta.date ?? '' }, d.meta.date ?? ''),
        el('span', { class: 'result-category' }, d.meta.category ?? ''),
      );
      const excerpt = el('p', { class: 'result-excerpt' });
      excerpt.innerHTML = d.excerpt; // Pagefind's excerpt: indexed text, escaped, with <mark> around matches
      const summary = el('p', { class: 'result-summary muted' }, d.meta.summary ?? '');
      li.append(h, meta, excerpt, summary);
      resultsList.append(li);
    }
    rendered += batch.length;
    more.hidden = rendered >= shown.length;
  };

  const showSelection = () => {
    const selected = Object.values(state.filters).reduce((n, v) => n + v.length, 0);
    if (filterCount) filterCount.textContent = selected ? `(${selected} selected)` : '';
    if (clear) clear.hidden = selected === 0;
  };

  const run = async () => {
    const mine = ++generation;
    writeState(state);
    showSelection();
    const filters: Record<string, { any: string[] }> = {};
    for (const [k, v] of Object.entries(state.filters)) if (v.length) filters[k] = { any: v };
    const hasFilters = Object.keys(filters).length > 0;
    if (!state.q.trim() && !hasFilters) {
      shown = [];
      rendered = 0;
      resultsList.replaceChildren();
      more.hidden = true;
      renderFacets(allFilters);
      facetsBox.setAttribute('data-counts', 'totals');
      status.textContent = 'Type the words you remember (an error message, a service, a symptom), or pick a filter.';
      return;
    }
    facetsBox.setAttribute('data-counts', 'loading');
    const term = state.q.trim() || null;
    const sort = state.sort === 'date' ? { sort: { date: 'desc' } } : {};
    const response = await pagefind.search(term, { filters, ...sort });
    if (mine !== generation || !response) return;
    shown = response.results;
    rendered = 0;
    resultsList.replaceChildren();
    status.textContent = `${shown.length} result${shown.length === 1 ? '' : 's'}${state.q.trim() ? ` for “${state.q.trim()}”` : ''}${hasFilters ? ' with the selected filters' : ''}.`;
    await renderMore();
    if (mine !== generation) return;
    performance.mark('hindsight:search-results');
    // Counts for this query need every filter file: fetched once, after the results are shown.
    filtersLoaded ??= pagefind.filters();
    await filtersLoaded;
    if (mine !== generation) return;
    const counted = await pagefind.search(term, { filters });
    if (mine !== generation || !counted) return;
    const counts = await facetCounts(term, filters, counted);
    if (mine !== generation) return;
    renderFacets(counts);
    facetsBox.setAttribute('data-counts', 'query');
    performance.mark('hindsight:search-facet-counts');
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state = { ...state, q: input.value };
      void run();
    }, 150);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    state = { ...state, q: input.value };
    void run();
  });
  sortSelect.addEventListener('change', () => {
    state = { ...state, sort: sortSelect.value === 'date' ? 'date' : 'relevance' };
    void run();
  });
  facetsBox.addEventListener('change', (e) => {
    const box = e.target as HTMLInputElement;
    if (box.type !== 'checkbox') return;
    const current = new Set(state.filters[box.name] ?? []);
    if (box.checked) current.add(box.value);
    else current.delete(box.value);
    state = { ...state, filters: { ...state.filters, [box.name]: [...current] } };
    const focusId = box.id;
    void run().then(() => document.getElementById(focusId)?.focus());
  });
  more.addEventListener('click', () => void renderMore());
  clear?.addEventListener('click', () => {
    state = { ...state, filters: Object.fromEntries(FACETS.map((f) => [f.key, []])) };
    void run().then(() => input.focus());
  });
  document.getElementById('search-app')?.setAttribute('data-state', 'ready');
  await run();
}
