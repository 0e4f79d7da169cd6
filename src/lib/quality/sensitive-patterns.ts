/**
 * What `quality/secrets-and-personal-data` looks for: credentials and
 * personal data that must not sit in a postmortem (and never in a public one).
 *
 * Deliberately not flagged, because they are the normal vocabulary of a
 * postmortem: git SHAs and other plain hex, UUIDs, IP addresses, version
 * numbers, timestamps, epoch milliseconds in dashboard links, ticket keys
 * (PAY-123) and tracker URLs. Addresses at documentation domains
 * (example.com/.net/.org and the reserved .example, .test, .invalid and
 * .localhost TLDs, RFC 2606) and the fictional 555-01xx phone range are
 * examples, not personal data. AWS's documented placeholder keys (…EXAMPLE)
 * are not keys.
 *
 * The message never repeats a match in full: a CI annotation is a log line,
 * and a secret quoted there has leaked twice.
 */

type SensitiveKind = 'secret' | 'personal-data';

export interface SensitivePattern {
  id: string;
  kind: SensitiveKind;
  /** What it looks like, completing "looks like …". */
  label: string;
  /** Must carry the global flag. */
  regex: RegExp;
  /** Second look at a match: false means "not sensitive after all". */
  accept?: (match: RegExpExecArray) => boolean;
  /** A shortened form that identifies the match without repeating it. */
  redact?: (text: string) => string;
  /** Text that must be flagged (tested). */
  fires: readonly string[];
  /** Text that must pass (tested). */
  passes: readonly string[];
}

/** Shannon entropy in bits per character. */
export function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const PLACEHOLDER = /^(?:x+|\*+|\.+|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|redacted|changeme|password|secret|token|your[-_].*|example.*|dummy.*|test.*)$/i;

/** A value that looks generated rather than typed: long, varied, and not a placeholder. */
export function looksRandom(value: string): boolean {
  if (value.length < 16 || PLACEHOLDER.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((c) => c.test(value)).length;
  return classes >= 2 && entropy(value) >= 3;
}

const DOC_DOMAIN = /(?:^|\.)(?:example\.(?:com|net|org)|[^.]+\.(?:example|test|invalid|localhost))$/i;
const FILE_EXTENSION = /\.(?:png|jpe?g|gif|svg|webp|ico|pdf)$/i;

const digitsOf = (text: string) => text.replace(/\D/g, '');
/** 8–15 digits (E.164 allows 15), and not the fictional 555-0100…0199 range. */
const phoneDigits = (text: string) => {
  const d = digitsOf(text);
  return d.length >= 8 && d.length <= 15 && !/55501\d\d$/.test(d);
};
/** Not inside a longer token (an id, a path, a URL query, a decimal, an IP). */
const START = String.raw`(?<![\w.,+/=:#-])`;
const END = String.raw`(?![\w/-]|\.\d)`;

export const SENSITIVE_PATTERNS: readonly SensitivePattern[] = [
  {
    id: 'private-key',
    kind: 'secret',
    label: 'a PEM private key',
    regex: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g,
    redact: (t) => t,
    fires: ['-----BEGIN RSA PRIVATE KEY-----', '-----BEGIN OPENSSH PRIVATE KEY-----', '-----BEGIN PRIVATE KEY-----'],
    passes: ['-----BEGIN CERTIFICATE-----', '-----BEGIN PUBLIC KEY-----'],
  },
  {
    id: 'aws-access-key-id',
    kind: 'secret',
    label: 'an AWS access key id',
    regex: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g,
    accept: (m) => !m[0].includes('EXAMPLE'),
    fires: ['aws_access_key_id = AKIAZ3MXQ7LP2KD4RT6B', 'temporary key ASIAJ4L2Q8ZP6MN3XK7W was in the log'],
    passes: ['AKIAIOSFODNN7EXAMPLE (the AWS documentation key)', 'role AROAJ4L2Q8ZP6MN3XK7W'],
  },
  {
    id: 'github-token',
    kind: 'secret',
    label: 'a GitHub token',
    regex: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/g,
    fires: ['ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R'],
    passes: ['the gh_pages branch', 'ghp_short'],
  },
  {
    id: 'slack-token',
    kind: 'secret',
    label: 'a Slack token or webhook',
    regex: /\bxox[abposr]-[A-Za-z0-9-]{10,}|https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]+/g,
    fires: ['xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx', 'https://hooks.slack.com/services/T0ABC1234/B0ABC5678/abcdefGHIJKL1234567890ab'],
    passes: ['posted in #incident-checkout on Slack'],
  },
  {
    id: 'stripe-key',
    kind: 'secret',
    label: 'a Stripe secret key',
    regex: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}\b/g,
    fires: ['sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
    passes: ['the sk_live_ prefix identifies live keys'],
  },
  {
    id: 'vendor-token',
    kind: 'secret',
    label: 'an API token',
    regex: /\b(?:AIza[0-9A-Za-z_-]{35}|npm_[A-Za-z0-9]{36}|glpat-[A-Za-z0-9_-]{20,})\b/g,
    fires: ['AIzaSyD3x4mpl3K3yV4lu3F0rT3st1ng0nlyXyZ', 'npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'],
    passes: ['the npm_config_cache variable'],
  },
  {
    id: 'jwt',
    kind: 'secret',
    label: 'a JSON Web Token',
    regex: /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*/g,
    fires: ['Authorization header: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk'],
    passes: ['tokens start with eyJ because the header is base64 JSON'],
  },
  {
    id: 'url-credentials',
    kind: 'secret',
    label: 'a URL with a password in it',
    regex: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:([^\s/@]+)@[^\s/]+/gi,
    accept: (m) => !PLACEHOLDER.test(m[1] ?? ''),
    redact: (t) => t.replace(/:\/\/([^\s/:@]+):[^\s/@]+@/, '://$1:…@'),
    fires: ['postgres://payments:Xk29fLq8rT@db-7.internal:5432/payments'],
    passes: ['postgres://payments:<password>@db-7.internal:5432/payments', 'https://grafana.example/d/checkout?from=1772460000000'],
  },
  {
    id: 'bearer-token',
    kind: 'secret',
    label: 'a bearer token',
    regex: /\bBearer\s+([A-Za-z0-9\-._~+/]{20,}=*)/g,
    accept: (m) => looksRandom(m[1] ?? ''),
    fires: ['curl -H "Authorization: Bearer 9f8Kq2LmZx7Wv4Rt1Ys6Np3Bc0Dh5Je"'],
    passes: ['send a Bearer token in the Authorization header'],
  },
  {
    id: 'assigned-secret',
    kind: 'secret',
    label: 'a credential',
    regex: /\b(?:api[_-]?key|apikey|access[_-]?key|secret[_-]?key|client[_-]?secret|auth[_-]?token|private[_-]?key|token|secret|password|passwd|pwd)\b["']?\s*[:=]\s*["']?([A-Za-z0-9+/_\-.=~]{16,})/gi,
    accept: (m) => looksRandom(m[1] ?? ''),
    fires: ['api_key=Q7fK2mLx9RzT4vWp8NbY3cHd', 'token: 3b9Fq81LmZx0Wv4Rt7Ys2Np5Bc6Dh', '?password=hR7xL2qZ9mW4vB8nK1'],
    passes: ['token: REDACTED', 'password=********************', 'secret: ${PAYMENTS_DB_PASSWORD}', 'the session token was rotated at 14:20'],
  },
  {
    id: 'email',
    kind: 'personal-data',
    label: 'an e-mail address',
    regex: /(?<![\w.+%-])[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}\b/g,
    accept: (m) => {
      const [local = '', domain = ''] = m[0].split('@');
      return !DOC_DOMAIN.test(domain) && !FILE_EXTENSION.test(domain) && local.toLowerCase() !== 'git';
    },
    redact: (t) => `${t.charAt(0)}…@${t.split('@')[1] ?? ''}`,
    fires: ['Contact alex.kim@fernhill.io for the logs.', 'mailto:priya+oncall@fernhill-logistics.co.uk'],
    passes: [
      'Write to oncall@example.com or ops@status.example.org.',
      'support@fernhill.example answered',
      'git@github.com:fernhill/payments.git',
      'logo@2x.png',
      '@alex-kim paged @payments-oncall',
    ],
  },
  {
    id: 'phone-international',
    kind: 'personal-data',
    label: 'a phone number',
    regex: new RegExp(String.raw`${START}\+[1-9]\d{0,3}(?:[ .-]?\(?\d{1,5}\)?){1,5}${END}`, 'g'),
    accept: (m) => phoneDigits(m[0]),
    redact: (t) => `…${digitsOf(t).slice(-2)}`,
    fires: ['Call +44 20 7946 1234 for the bridge.', 'Paged +14158675309 twice', '+49 (30) 1234-5678'],
    passes: ['latency +120 ms', '+1 for rolling back', '+2,000,000 messages of lag', '+1 (415) 555-0142 (fictional range)'],
  },
  {
    id: 'phone-national',
    kind: 'personal-data',
    label: 'a phone number',
    regex: new RegExp(String.raw`${START}(?:\(\d{3}\)\s?\d{3}[-.\s]\d{4}|\d{3}[-.]\d{3}[-.]\d{4}|0\d{2,4}[\s-]\d{3,4}[\s-]?\d{3,4})${END}`, 'g'),
    accept: (m) => phoneDigits(m[0]),
    redact: (t) => `…${digitsOf(t).slice(-2)}`,
    fires: ['Reach the vendor on (415) 867-5309.', 'call 415-867-5309', 'hub phone 020 7946 1234'],
    passes: [
      'started 2026-03-02T14:05Z',
      'release 2025.01.21-1',
      'version 1.24.3',
      'node 10.20.30.40',
      'id 550e8400-e29b-41d4-a716-446655440000',
      'commit 9fceb02d0ae598e95dc970b74767f19372d61af8',
      'https://grafana.example/d/kafka?from=1737467400000',
      'https://tracker.example/PAY-123',
      '18,000 users, 64 tickets',
    ],
  },
];

/** How a match is shown in a message: never in full. */
export function redactMatch(pattern: SensitivePattern, text: string): string {
  return pattern.redact ? pattern.redact(text) : `${text.slice(0, 4)}… (${text.length} characters)`;
}
