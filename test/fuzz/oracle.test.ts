import { describe, expect, it } from 'vitest';
import { browserScheme, htmlProblems, textContent, tokenize } from './support/html';

/* The fuzz properties are only as good as their oracle: it must catch what a browser would run. */
describe('the HTML oracle used by the fuzz properties', () => {
  it.each([
    '<script>alert(1)</script>',
    '<p><SCRIPT src=x></SCRIPT></p>',
    '<img src=x onerror=alert(1)>',
    '<img src="x" ONERROR="alert(1)">',
    '<svg/onload=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" \u0001java\tscript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<img src="data:text/html,x">',
    '<img src="vbscript:x">',
    '<div>x</div>',
    '<iframe src="https://x"></iframe>',
    '<p style="x">y</p>',
    '<!-- x -->',
    '<p>unterminated <a href="x"',
    '<input type="text">',
  ])('flags %s', (html) => {
    expect(htmlProblems(html)).not.toEqual([]);
  });

  it.each([
    '<p>a &#x3C;script>alert(1)&#x3C;/script> b</p>',
    '<p>x &#x3C; 3 and onerror=alert(1) as text</p>',
    '<p><a href="https://example.com">x</a> <a href="mailto:a@b.example">m</a> <a href="#user-content-fn-1" data-footnote-ref aria-describedby="footnote-label">1</a></p>',
    '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" checked disabled> done</li></ul>',
    '<table><thead><tr><th align="left">a</th></tr></thead><tbody><tr><td align="right">1</td></tr></tbody></table>',
    '<aside class="internal-note" aria-label="Internal only"><p class="internal-note__label">Internal only</p></aside>',
    '<p><img src="./x.png" alt="a"> <a href="/docs/">d</a> <a href="java%09script:x">encoded, harmless</a></p>',
  ])('accepts %s', (html) => {
    expect(htmlProblems(html)).toEqual([]);
  });

  it('reads text and schemes as a browser does', () => {
    expect(textContent('<p>a &#x3C;b> &#x26;amp; &amp; c</p>')).toBe('a <b> &amp; & c');
    expect(browserScheme('\u0000 java\nscript:x')).toBe('javascript');
    expect(browserScheme('/a:b')).toBeUndefined();
    expect(tokenize('<a href=x title=\'y z\'>').at(0)).toEqual({ type: 'start', name: 'a', attrs: [['href', 'x'], ['title', 'y z']], selfClosing: false });
  });
});
