/** After signing in the browser goes back where it came from, never to another site. */
import { describe, expect, it } from 'vitest';
import { safeNext } from '../../src/lib/server/http/guards';

describe('the sign-in next parameter', () => {
  it.each([
    ['/reports/abc?tab=open', '/reports/abc?tab=open'],
    ['/queue#top', '/queue#top'],
    ['/a/../b', '/b'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example', '/'],
    ['/.//evil.example', '/'],
    ['/./%2F/evil.example', '/%2F/evil.example'],
    ['/\\evil.example', '/'],
    ['/\tevil', '/'],
    ['/%0d%0aSet-Cookie:x=1', '/%0d%0aSet-Cookie:x=1'],
    ['javascript:alert(1)', '/']
  ])('%s → %s', (next, expected) => {
    const out = safeNext(next);
    expect(out).toBe(expected);
    // Whatever comes out resolves on this site.
    expect(new URL(out, 'https://chungsuc.example').origin).toBe('https://chungsuc.example');
  });
});
