/** Security headers on every response, HSTS only over HTTPS, and no caching of signed-in pages. */
import { describe, expect, it } from 'vitest';
import { applySecurityHeaders } from '../../src/lib/server/http/security-headers';

const page = (headers: Record<string, string> = {}) =>
  new Response('<!doctype html><p>Hồ sơ</p>', { headers: { 'content-type': 'text/html', ...headers } });
const file = (headers: Record<string, string> = {}) =>
  new Response('x', { headers: { 'content-type': 'image/jpeg', ...headers } });

const HTTPS = 'https://chungsuc.example.vn';
const HTTP = 'http://192.168.1.10:3000';

describe('every response', () => {
  it.each([
    ['a page', page()],
    ['a file', file()]
  ])('%s refuses sniffing, keeps referrers on the site, and turns off unused features', (_n, response) => {
    const h = applySecurityHeaders(response, { origin: HTTP, signedIn: false }).headers;
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('referrer-policy')).toBe('same-origin');
    const policy = Object.fromEntries(
      h
        .get('permissions-policy')!
        .split(', ')
        .map((d) => d.split('='))
    );
    expect(policy).toMatchObject({
      camera: '(self)',
      microphone: '(self)',
      geolocation: '(self)',
      payment: '()',
      usb: '()',
      'display-capture': '()'
    });
    const allowed = Object.entries(policy).filter(([, v]) => v !== '()');
    expect(allowed.map(([k]) => k).sort()).toEqual(['camera', 'geolocation', 'microphone']);
  });
});

it.each([
  ['an https ORIGIN', HTTPS, 'max-age=31536000; includeSubDomains'],
  ['a plain http ORIGIN', HTTP, null]
])('HSTS with %s', (_n, origin, expected) => {
  expect(applySecurityHeaders(page(), { origin, signedIn: false }).headers.get('strict-transport-security')).toBe(
    expected
  );
});

it.each([
  ['a signed-in page', page(), true, 'no-store'],
  ['a signed-in page a route marked cacheable', page({ 'cache-control': 'public, max-age=300' }), true, 'no-store'],
  [
    'signed-in page data (__data.json)',
    new Response('{}', { headers: { 'content-type': 'application/json' } }),
    true,
    'no-store'
  ],
  [
    'a signed-in file with its own rule',
    file({ 'cache-control': 'private, max-age=3600' }),
    true,
    'private, max-age=3600'
  ],
  ['an anonymous page', page(), false, null],
  ['an anonymous cacheable page', page({ 'cache-control': 'public, max-age=300' }), false, 'public, max-age=300']
])('cache-control for %s', (_n, response, signedIn, expected) => {
  expect(applySecurityHeaders(response, { origin: HTTPS, signedIn }).headers.get('cache-control')).toBe(expected);
});
