import { describe, expect, it } from 'vitest';
import { exemptOpen311 } from '../../scripts/open311-exempt.mjs';
import { hasNulInAddress, isCrossSiteApiWrite, namesDefaultAction } from '../../src/lib/server/http/request-checks';

describe('the Open311 exemption from the cross-site form check', () => {
  const req = (method: string, url: string) => ({
    method,
    url,
    headers: { host: 'app.example', cookie: 'cs_session=abc' } as Record<string, string | undefined>
  });
  it.each([
    ['POST', '/open311/v2/requests.json', true],
    ['POST', '/open311/v2/requests.xml?jurisdiction_id=x', true],
    ['GET', '/open311/v2/requests.json', false],
    ['POST', '/open311/v2', false],
    ['POST', '/login', false],
    ['POST', '/api/v1/organisations', false],
    ['POST', '/x/open311/v2/requests.json', false]
  ])('%s %s exempt: %s', (method, url, exempt) => {
    const r = req(method, url);
    expect(exemptOpen311(r, 'https://app.example')).toBe(exempt);
    // An exempted request never carries the signed-in user's cookie into the app.
    expect(r.headers.cookie).toBe(exempt ? undefined : 'cs_session=abc');
    expect(r.headers.origin).toBe(exempt ? 'https://app.example' : undefined);
  });
});

describe('cross-site writes to the JSON API', () => {
  const cookies = (v?: string) => ({ get: () => v });
  const url = new URL('https://app.example/api/v1/organisations');
  const request = (method: string, headers: Record<string, string>) => new Request(url, { method, headers });
  it.each([
    ['POST', { origin: 'https://evil.example' }, 'cookie', true],
    ['DELETE', {}, 'cookie', true],
    ['POST', { origin: 'https://app.example' }, 'cookie', false],
    ['POST', { origin: 'https://evil.example', authorization: 'Bearer t' }, 'cookie', false],
    ['POST', { origin: 'https://evil.example' }, undefined, false],
    ['GET', { origin: 'https://evil.example' }, 'cookie', false]
  ])('%s %j with session %s → refused %s', (method, headers, cookie, refused) => {
    expect(isCrossSiteApiWrite(request(method, headers), url, cookies(cookie))).toBe(refused);
  });
  it('a page write is left to the framework check', () => {
    const page = new URL('https://app.example/organisations/new');
    expect(isCrossSiteApiWrite(new Request(page, { method: 'POST' }), page, cookies('s'))).toBe(false);
  });
  it('an explicitly named default action is a client error', () => {
    const u = new URL('https://app.example/account?/default');
    expect(namesDefaultAction(new Request(u, { method: 'POST' }), u)).toBe(true);
    const named = new URL('https://app.example/account?/signOutEverywhere');
    expect(namesDefaultAction(new Request(named, { method: 'POST' }), named)).toBe(false);
  });
  it.each([
    ['https://app.example/tin/anh/%00', true],
    ['https://app.example/tin?limit=%00', true],
    ['https://app.example/tin/anh/abc?page=2', false],
    ['https://app.example/xa/%C4%91oan-ket', false]
  ])('a NUL in the address of %s is a client error: %s', (href, refused) => {
    expect(hasNulInAddress(new URL(href))).toBe(refused);
  });
});
