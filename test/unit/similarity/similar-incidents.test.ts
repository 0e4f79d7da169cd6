import { describe, expect, it } from 'vitest';
import { incidentDocument, similarIncidents, type SimilarityDocument } from '../../../src/lib/similarity';

const docs: SimilarityDocument[] = [
  {
    id: 'pool-1',
    title: 'Checkout API errors after connection pool config change',
    summary: 'A config deploy shrank the payments database connection pool; checkout failed.',
    rootCause: 'Pool size is templated per environment and nothing validates it.',
    body: 'Error rate alarm fired. Rolled back the pool size.',
  },
  {
    id: 'pool-2', // the same incident, written twice
    title: 'Checkout API errors after connection pool config change',
    summary: 'A config deploy shrank the payments database connection pool; checkout failed.',
    rootCause: 'Pool size is templated per environment and nothing validates it.',
    body: 'Error rate alarm fired. Rolled back the pool size.',
  },
  {
    id: 'pool-3',
    title: 'Payments database connection pool exhausted during sale',
    summary: 'Traffic doubled and the connection pool ran out; checkout errors for an hour.',
    body: 'Raised pool size.',
  },
  {
    id: 'mobile-login',
    title: 'Certificate expiry broke mobile login',
    summary: 'An expired TLS certificate on the auth gateway rejected mobile handshakes.',
    body: 'Renewal automation skipped the wildcard certificate.',
  },
  {
    id: 'cert',
    title: 'Wildcard certificate renewal skipped',
    summary: 'The auth gateway served an expired certificate to mobile clients.',
  },
];

describe('similarIncidents', () => {
  const result = similarIncidents(docs, { topN: 3, minScore: 0 });

  it('identical texts score 1 and rank first', () => {
    const [first] = result.get('pool-1')!;
    expect(first!.id).toBe('pool-2');
    expect(first!.score).toBeCloseTo(1, 12);
    expect(result.get('pool-2')![0]).toEqual({ id: 'pool-1', score: first!.score });
  });

  it('ranks a related incident after the duplicate, above unrelated ones', () => {
    expect(result.get('pool-1')!.map((s) => s.id)).toEqual(['pool-2', 'pool-3']);
    expect(result.get('pool-3')!.map((s) => s.id)).toEqual(['pool-1', 'pool-2']);
    expect(result.get('cert')!.map((s) => s.id)).toEqual(['mobile-login']);
  });

  it('unrelated texts score 0 and are never suggested, even with minScore 0', () => {
    expect(result.get('mobile-login')!.map((s) => s.id)).toEqual(['cert']);
    for (const list of result.values()) for (const s of list) expect(s.score).toBeGreaterThan(0);
  });

  it('scores are symmetric', () => {
    const score = (a: string, b: string) => result.get(a)!.find((s) => s.id === b)?.score;
    expect(score('pool-1', 'pool-3')).toBe(score('pool-3', 'pool-1'));
    expect(score('mobile-login', 'cert')).toBe(score('cert', 'mobile-login'));
  });

  it('gives every id an entry, possibly empty', () => {
    const withEmpty = similarIncidents([...docs, { id: 'empty' }, { id: 'words', title: 'zebra' }]);
    expect(withEmpty.get('empty')).toEqual([]);
    expect(withEmpty.get('words')).toEqual([]);
    expect([...withEmpty.keys()]).toEqual(['pool-1', 'pool-2', 'pool-3', 'mobile-login', 'cert', 'empty', 'words']);
    expect(similarIncidents([]).size).toBe(0);
  });

  it('minScore drops weak suggestions and topN caps the list', () => {
    const strict = similarIncidents(docs, { topN: 3, minScore: 0.99 });
    expect(strict.get('pool-1')!.map((s) => s.id)).toEqual(['pool-2']);
    expect(strict.get('pool-3')).toEqual([]);
    expect(similarIncidents(docs, { topN: 1, minScore: 0 }).get('pool-1')!.map((s) => s.id)).toEqual(['pool-2']);
    expect(similarIncidents(docs, { topN: 0 }).get('pool-1')).toEqual([]);
  });

  it('breaks ties by id', () => {
    const same = { title: 'Kafka consumer lag', summary: 'Consumer lag grew on the orders topic.' };
    const tied = similarIncidents(['d', 'b', 'a', 'c'].map((id) => ({ id, ...same })), { topN: 2, minScore: 0 });
    expect(tied.get('a')!.map((s) => s.id)).toEqual(['b', 'c']);
    expect(tied.get('d')!.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('does not depend on the order of the input', () => {
    const reversed = similarIncidents([...docs].reverse(), { topN: 3, minScore: 0 });
    for (const [id, list] of result) expect(reversed.get(id)).toEqual(list);
  });

  it('weighs title words more than body words', () => {
    const query = { id: 'q', title: 'database failover stalled', body: 'kafka consumer lagged' };
    const byTitle = { id: 'r-title', title: 'database failover stalled' };
    const byBody = { id: 'r-body', title: 'kafka consumer lagged' };
    const filler = Array.from({ length: 3 }, (_, i) => ({ id: `f${i}`, title: `unrelated words number${i}` }));
    const corpus = [query, byTitle, byBody, ...filler];
    expect(similarIncidents(corpus, { minScore: 0 }).get('q')!.map((s) => s.id)).toEqual(['r-title', 'r-body']);
    // Turn the weights around and the order follows.
    const flipped = similarIncidents(corpus, { minScore: 0, weights: { title: 1, body: 3 } });
    expect(flipped.get('q')!.map((s) => s.id)).toEqual(['r-body', 'r-title']);
  });

  it('skips terms found in more documents than the cap', () => {
    const three = ['a', 'b', 'c'].map((id) => ({ id, title: `checkout ${id}xyz` }));
    expect(similarIncidents(three, { minScore: 0, maxDocumentFrequency: 2 }).get('a')).toEqual([]);
    expect(similarIncidents(three, { minScore: 0, maxDocumentFrequency: 3 }).get('a')!.map((s) => s.id)).toEqual(['b', 'c']);
  });

  it('keeps only the heaviest terms per document', () => {
    // "checkout" is in the title of a and b (heavier); "latency" only in their bodies.
    const corpus = [
      { id: 'a', title: 'checkout', body: 'latency' },
      { id: 'b', title: 'checkout' },
      { id: 'c', body: 'latency' },
    ];
    expect(similarIncidents(corpus, { minScore: 0 }).get('a')!.map((s) => s.id)).toEqual(['b', 'c']);
    const one = similarIncidents(corpus, { minScore: 0, termsPerDocument: 1 });
    expect(one.get('a')).toEqual([{ id: 'b', score: 1 }]);
    expect(one.get('c')).toEqual([]);
  });

  it('rejects duplicate ids and impossible options', () => {
    expect(() => similarIncidents([{ id: 'x' }, { id: 'x' }])).toThrow(/"x" is given twice/);
    expect(() => similarIncidents(docs, { topN: -1 })).toThrow(RangeError);
    expect(() => similarIncidents(docs, { termsPerDocument: 0 })).toThrow(RangeError);
  });
});

describe('incidentDocument', () => {
  it('takes title, summary, root-cause summary and body text from a postmortem', () => {
    const doc = incidentDocument({
      id: '2026-03-02-checkout',
      data: { title: 'T', summary: 'S', root_cause: { summary: 'R' }, text: 'B' },
    });
    expect(doc).toEqual({ id: '2026-03-02-checkout', title: 'T', summary: 'S', rootCause: 'R', body: 'B' });
  });
});
