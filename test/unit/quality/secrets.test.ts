import { describe, expect, it } from 'vitest';
import { findSensitive } from '../../../src/lib/quality/rules/secrets';
import { entropy, looksRandom, SENSITIVE_PATTERNS } from '../../../src/lib/quality/sensitive-patterns';
import { check, GOOD, issuesOf } from './make-postmortem';

describe('every sensitive pattern', () => {
  for (const p of SENSITIVE_PATTERNS) {
    it.each(p.fires)(`${p.id} flags %j`, (text) => {
      expect(findSensitive(text).map((h) => h.pattern.id)).toContain(p.id);
    });
    it.each(p.passes)(`${p.id} leaves %j alone`, (text) => {
      expect(findSensitive(text).map((h) => h.pattern.id)).not.toContain(p.id);
    });
  }
});

/** A postmortem's ordinary vocabulary: none of it is a secret or personal data. */
const ORDINARY = [
  'https://tracker.example/PAY-123',
  'Rolled back to 9fceb02d0ae598e95dc970b74767f19372d61af8 (short: 9fceb02).',
  'Request id 550e8400-e29b-41d4-a716-446655440000 failed.',
  'Write to oncall@example.com for access.',
  'Started 2026-03-02T14:05Z, resolved 2026-03-02T16:05+02:00.',
  'dispatch-api release 2025.01.21-1 bumped fernhill-kafka-defaults from 3.1.4 to 3.2.0',
  'https://grafana.example/d/kafka-consumers?var-group=dispatch-scan-ingest&from=1737467400000',
  'Node 10.20.30.40 and 192.168.100.12 lost their lease.',
  'Lag reached 2,000,000 messages; 18,000 recipients and 64 tickets.',
  'sha256:3b9f0c81e2d54a7f9a6c1b2e3d4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f',
  'The session token was rotated at 14:20 and the password policy now asks for 16 characters.',
  '@alex-kim paged @payments-oncall',
];

describe('quality/secrets-and-personal-data', () => {
  it.each(ORDINARY)('leaves %j alone', (text) => {
    expect(findSensitive(text)).toEqual([]);
    expect(issuesOf(check({ summary: text }, { body: `## Summary\n\n${text}\n` }), 'secrets-and-personal-data')).toEqual([]);
  });

  it('flags an e-mail address in a field, without repeating it', () => {
    const [issue] = issuesOf(check({ root_cause: { category: 'config-change', summary: 'Reported by jane.doe@fernhill.io; nothing validates the pool size.' } }), 'secrets-and-personal-data');
    expect(issue).toMatchObject({ field: 'root_cause.summary', level: 'warning' });
    expect(issue!.message).toBe('looks like an e-mail address (j…@fernhill.io)');
    expect(issue!.fix).toContain('by handle or role');
  });

  it('never echoes a secret in full, and says to rotate it', () => {
    const key = 'AKIAZ3MXQ7LP2KD4RT6B';
    const [issue] = issuesOf(check({}, { body: `## Summary\n\nThe key ${key} was in the log.\n` }), 'secrets-and-personal-data');
    expect(issue!.message).not.toContain(key);
    expect(issue!.message).toContain('AKIA…');
    expect(issue!.fix).toContain('rotate');
  });

  it('gives body findings their file line', () => {
    const body = '## Summary\n\nfine\n\n```\nAuthorization: Bearer 9f8Kq2LmZx7Wv4Rt1Ys6Np3Bc0Dh5Je\n```\n';
    const [issue] = issuesOf(check({}, { body, bodyLineOffset: 30 }), 'secrets-and-personal-data');
    expect(issue).toMatchObject({ field: 'body', line: 35 });
  });

  it('checks links too: a token in a tracker or source URL', () => {
    const r = check({ action_items: [{ ...GOOD.action_items![1]!, tracker: 'https://tracker.example/PAY-1?token=3b9Fq81LmZx0Wv4Rt7Ys2Np5Bc6Dh' }] });
    expect(issuesOf(r, 'secrets-and-personal-data').map((i) => i.field)).toEqual(['action_items[0].tracker']);
  });

  it('reports an overlapping match once (the most specific pattern wins)', () => {
    const hits = findSensitive('DATABASE_URL=postgres://payments:Xk29fLq8rT@db-7.fernhill.io:5432/payments');
    expect(hits.map((h) => h.pattern.id)).toEqual(['url-credentials']);
  });

  it('is a warning for an internal postmortem', () => {
    const [issue] = issuesOf(check({ summary: 'Call +44 20 7946 1234.' }), 'secrets-and-personal-data');
    expect(issue!.level).toBe('warning');
  });

  it('is always an error for a public postmortem, even when configured as a warning or off', () => {
    for (const setting of ['warning', 'off'] as const) {
      const [issue] = issuesOf(check({ visibility: 'public', summary: 'Call +44 20 7946 1234.' }, { config: { rules: { 'secrets-and-personal-data': setting } } }), 'secrets-and-personal-data');
      expect(issue, setting).toMatchObject({ level: 'error' });
      expect(issue!.message).toContain('this postmortem is public');
    }
  });

  it('can be turned off for internal postmortems', () => {
    expect(issuesOf(check({ summary: 'Call +44 20 7946 1234.' }, { config: { rules: { 'secrets-and-personal-data': 'off' } } }), 'secrets-and-personal-data')).toEqual([]);
  });

  it('judges randomness by length, character classes and entropy', () => {
    expect(entropy('aaaa')).toBe(0);
    expect(looksRandom('3b9Fq81LmZx0Wv4Rt7Ys2Np5Bc6Dh')).toBe(true);
    expect(looksRandom('correcthorsebatterystaple')).toBe(false);
    expect(looksRandom('xxxxxxxxxxxxxxxxxxxx')).toBe(false);
    expect(looksRandom('${PAYMENTS_DB_PASSWORD}')).toBe(false);
  });
});
