import { describe, expect, it } from 'vitest';
import { BLAMELESS_PATTERNS, PERSON_AS_CAUSE, globalRegex } from '../../../src/lib/quality/blameless-patterns';
import { check, issuesOf } from './make-postmortem';

const matches = (pattern: (typeof BLAMELESS_PATTERNS)[number], text: string) => [...text.matchAll(globalRegex(pattern))];

describe('every blameless pattern', () => {
  const all = [...BLAMELESS_PATTERNS, ...PERSON_AS_CAUSE];

  it('has a unique id, an explanation, a rewording and examples both ways', () => {
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    for (const p of all) {
      expect(p.explanation.length, p.id).toBeGreaterThan(15);
      expect(p.suggestion, p.id).toMatch(/e\.g\.|'/);
      expect(p.fires.length, p.id).toBeGreaterThan(0);
      expect(p.passes.length, p.id).toBeGreaterThan(0);
    }
  });

  for (const p of all) {
    it.each(p.fires)(`${p.id} flags %j`, (text) => expect(matches(p, text)).not.toEqual([]));
    it.each(p.passes)(`${p.id} leaves %j alone`, (text) => expect(matches(p, text)).toEqual([]));
  }
});

/** Sentences a blameless postmortem writes that contain a flagged word in another sense. */
const BLAMELESS_SENTENCES = [
  'This is a blameless postmortem.',
  'We ran git blame on the template to find the commit.',
  'The fault injection test found the same gap a week later.',
  'Checkout is fault-tolerant across three zones, but the pool is shared.',
  'A faulty disk in node 4 slowed the rebuild.',
  'The incident consumed 40% of the monthly error budget.',
  'The circuit breaker broke the cycle of retries after 30 seconds.',
  'The consumer failed to rejoin the group after the GC pause.',
  'Kafka failed to elect a leader for partition 7.',
  'The pipeline did not check the pool-size bounds.',
  'Testing did not catch this because staging runs a tenth of production traffic.',
  'Events are sent fire-and-forget, so none were retried.',
  'The canary should have caught this, but it samples 1% of traffic.',
  'A careful read of the broker logs showed members leaving on session timeout.',
  'The latency difference was negligible.',
  'The human-readable error message named the wrong host.',
  "Kafka's fault tolerance relies on three replicas.",
  'The alarm drew attention to the lag within two minutes.',
  'The rebalance brought down throughput to zero.',
];

describe('quality/blameless-language', () => {
  it.each(BLAMELESS_SENTENCES)('leaves %j alone, in a field and in the body', (sentence) => {
    const r = check({ summary: sentence, root_cause: { category: 'config-change', summary: sentence } }, { body: `## Summary\n\n${sentence}\n` });
    expect(issuesOf(r, 'blameless-language')).toEqual([]);
  });

  it('checks every text field', () => {
    const bad = 'Root cause was human error.';
    const r = check({
      title: 'Human error took checkout down',
      summary: bad,
      timeline: [
        { at: '2026-03-02T14:05Z', kind: 'started', event: 'Alex broke production with a config push' },
        { at: '2026-03-02T14:10Z', kind: 'detected', event: 'The on-call engineer failed to escalate' },
        { at: '2026-03-02T16:05Z', kind: 'resolved', event: 'Resolved' },
      ],
      impact: { description: 'Careless deploy: checkout failed', users_affected: 10 },
      root_cause: { category: 'config-change', summary: 'The engineer should have known the pool was shared.' },
      contributing_factors: [{ category: 'testing-gap', description: "She didn't test it in staging." }],
      five_whys: [
        { why: 'Who is to blame?', because: 'The pool was 10.' },
        { why: 'Why?', because: 'Sloppy review.' },
        { why: 'Why?', because: 'The deploy pipeline has no validation step for pool-size bounds.' },
      ],
      action_items: [{ title: 'Stop the negligent deploys with a pool-size check under 50', owner: 'payments', due: '2026-05-01', priority: 'P1', type: 'prevent', status: 'open' }],
    });
    expect(issuesOf(r, 'blameless-language').map((i) => i.field)).toEqual([
      'title',
      'summary',
      'timeline[0].event',
      'timeline[1].event',
      'impact.description',
      'root_cause.summary',
      'contributing_factors[0].description',
      'five_whys[0].why',
      'five_whys[1].because',
      'action_items[0].title',
    ]);
  });

  it('quotes the phrase, explains it and suggests a rewording', () => {
    const [issue] = issuesOf(check({ root_cause: { category: 'config-change', summary: 'Human error.' } }), 'blameless-language');
    expect(issue).toMatchObject({ field: 'root_cause.summary', level: 'warning', rule: 'quality/blameless-language' });
    expect(issue!.message).toContain('"Human error"');
    expect(issue!.fix).toContain("the deploy tool accepted an out-of-range value");
  });

  it('gives body findings their line in the file', () => {
    const body = '\n## Summary\n\nThe rollout went out at 14:05.\nThe reviewer should\nhave caught the diff.\n';
    const r = check({}, { body, bodyLineOffset: 40 });
    const found = issuesOf(r, 'blameless-language');
    expect(found).toHaveLength(1);
    // body line 0 is file line 40; "should" is on body line 4 (the phrase spans a soft wrap).
    expect(found[0]).toMatchObject({ field: 'body', line: 44 });
  });

  it('ignores code blocks, inline code and links: quoted evidence is not the author speaking', () => {
    const body = [
      '## Summary',
      '',
      'The log said `ERROR: human error suspected` and we linked https://git.example/blame/main/pool.yml',
      '',
      '```',
      'WARN careless retry loop detected',
      '```',
    ].join('\n');
    expect(issuesOf(check({}, { body }), 'blameless-language')).toEqual([]);
  });

  it('reports each occurrence in the body once per line', () => {
    const body = 'Human error, human error.\n\nAnd later: human error.\n';
    const lines = issuesOf(check({}, { body, bodyLineOffset: 10 }), 'blameless-language').map((i) => i.line);
    expect(lines).toEqual([10, 12]);
  });
});
