import { describe, expect, it } from 'vitest';
import { stem, tokenize } from '../../../src/lib/similarity';

describe('tokenize', () => {
  it('lowercases, splits on non-letters/digits, drops stop words and tokens under 3 characters', () => {
    expect(tokenize('The Checkout-API returned HTTP 502 errors to us; DB pool = 10!')).toEqual([
      'checkout', 'api', 'return', 'http', '502', 'error', 'pool',
    ]);
  });

  it('is Unicode-aware: letters of any script are word characters', () => {
    expect(tokenize('Überlast im Rechenzentrum')).toEqual(['überlast', 'rechenzentrum']);
    expect(tokenize('Ошибка базы данных')).toEqual(['ошибка', 'базы', 'данных']);
    expect(tokenize('café—naïve')).toEqual(['café', 'naïve']);
  });

  it('normalises compatibility forms (full-width letters, ligatures)', () => {
    expect(tokenize('ＡＰＩ ﬁrewall')).toEqual(['api', 'firewall']);
  });

  it('counts length in characters, not UTF-16 units', () => {
    expect(tokenize('𝒳𝒴 ab abc')).toEqual(['abc']);
  });

  it('returns nothing for text without words', () => {
    expect(tokenize('  -- 1 2 ... ')).toEqual([]);
    expect(tokenize('')).toEqual([]);
  });
});

describe('stem', () => {
  it('folds plurals and -ing / -ed endings', () => {
    expect(['timeouts', 'timeout'].map(stem)).toEqual(['timeout', 'timeout']);
    expect(['failing', 'failed', 'fails'].map(stem)).toEqual(['fail', 'fail', 'fail']);
    expect(['queries', 'query'].map(stem)).toEqual(['query', 'query']);
    expect(['processes', 'process'].map(stem)).toEqual(['process', 'process']);
    expect(['stopped', 'stopping'].map(stem)).toEqual(['stop', 'stop']);
    expect(stem('spilled')).toBe('spill');
  });

  it('leaves short words, -us / -is / -ss words and other scripts alone', () => {
    expect(['status', 'analysis', 'access', 'string', 'speed', 'dns', 'überlastet'].map(stem)).toEqual([
      'status', 'analysis', 'access', 'string', 'speed', 'dns', 'überlastet',
    ]);
  });
});
