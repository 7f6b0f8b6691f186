/**
 * Malformed input never gives a server error. Every route under src/routes is enumerated from
 * the source tree; each gets page loads with bad query parameters and bad path parameters, and
 * every form action and write endpoint gets malformed multipart bodies, wrong content types,
 * duplicated fields and huge fields, anonymously and as the administrator. Cases are drawn from
 * a seeded generator (bounded, reproducible: FUZZ_SEED, FUZZ_CASES), and any 5xx fails the test
 * with the requests that caused it.
 *
 * Path parameters are ids no record has, so the run changes no demo data other specs rely on.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

interface Route {
  pattern: string;
  actions: string[];
  methods: string[];
}

const ROOT = 'src/routes';

/** Every page and endpoint directory, with its form actions and its endpoint's methods. */
function enumerate(dir = ROOT): Route[] {
  const out: Route[] = [];
  const names = readdirSync(dir, { withFileTypes: true });
  const has = (f: string) => existsSync(path.join(dir, f));
  if (has('+page.svelte') || has('+page.server.ts') || has('+server.ts')) {
    const pattern =
      '/' +
      path
        .relative(ROOT, dir)
        .split(path.sep)
        .filter((s) => s && !/^\(.*\)$/.test(s))
        .join('/');
    const server = has('+page.server.ts') ? readFileSync(path.join(dir, '+page.server.ts'), 'utf8') : '';
    const at = server.indexOf('export const actions');
    const actions = at < 0 ? [] : [...server.slice(at).matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]);
    const endpoint = has('+server.ts') ? readFileSync(path.join(dir, '+server.ts'), 'utf8') : '';
    const methods = [
      ...endpoint.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)
    ].map((m) => m[1]);
    out.push({ pattern, actions, methods });
  }
  for (const d of names) if (d.isDirectory()) out.push(...enumerate(path.join(dir, d.name)));
  return out;
}

/** mulberry32: small, seeded, good enough to pick cases. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] };
}

const BAD_IDS = [
  '0',
  '-1',
  'abc',
  '99999999999999999999',
  '1e309',
  '\u0000',
  '../..',
  'ư%',
  'x'.repeat(300),
  '9007199254740993'
];
const BAD_VALUES = [
  '0',
  '-1',
  'abc',
  '99999999999999999999',
  'NaN',
  '1e309',
  '',
  '%',
  "' or 1=1 --",
  '2026-02-31',
  '31/02/2026',
  '\u0000',
  '<script>',
  'x'.repeat(5000)
];
const PARAMS = [
  'page',
  'q',
  'from',
  'to',
  'status',
  'org',
  'unit',
  'category',
  'year',
  'period',
  'sort',
  'id',
  'kind',
  'format',
  'next',
  'date',
  'level',
  'commune',
  'program',
  'type',
  'lat',
  'lng',
  'bbox',
  'limit',
  'offset',
  'lang'
];
const FIELDS = [
  'id',
  'name',
  'title',
  'note',
  'date',
  'status',
  'org',
  'unit',
  'page',
  'code',
  'category',
  'description'
];

function concrete(pattern: string, g: ReturnType<typeof generator>): string {
  return pattern
    .replace(/\[\.\.\.\w+\]/g, () => g.pick(['x', 'requests/abc.json', 'a/b/c', 'services.xml']))
    .replace(/\[(\w+)\]/g, () => encodeURIComponent(g.pick(BAD_IDS)));
}

function query(g: ReturnType<typeof generator>): string {
  const parts: string[] = [];
  const n = g.pick([1, 2, 3]);
  for (let i = 0; i < n; i++) {
    const k = g.pick(PARAMS);
    parts.push(`${k}=${encodeURIComponent(g.pick(BAD_VALUES))}`);
    if (g.pick([true, false])) parts.push(`${k}=${encodeURIComponent(g.pick(BAD_VALUES))}`); // duplicated
  }
  return parts.join('&');
}

type Body = { headers: Record<string, string>; data: string | Buffer };

function body(g: ReturnType<typeof generator>): Body {
  const field = g.pick(FIELDS);
  const huge = 'ư'.repeat(200_000);
  const kinds: (() => Body)[] = [
    // A multipart body cut short and with a boundary that never appears.
    () => ({
      headers: { 'content-type': 'multipart/form-data; boundary=----fuzz' },
      data: `------fuzz\r\nContent-Disposition: form-data; name="${field}"\r\n\r\nabc`
    }),
    () => ({ headers: { 'content-type': 'multipart/form-data; boundary=nope' }, data: 'not multipart at all' }),
    () => ({ headers: { 'content-type': 'multipart/form-data' }, data: '--x\r\n\r\n' }),
    () => ({
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
      data: `--b\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n<svg/>\r\n--b--\r\n`
    }),
    () => ({ headers: { 'content-type': 'text/plain' }, data: `${field}=1` }),
    () => ({ headers: { 'content-type': 'application/json' }, data: '{"name": ' }),
    () => ({ headers: { 'content-type': 'application/json' }, data: '[1,2,3]' }),
    () => ({ headers: { 'content-type': 'application/xml' }, data: '<a>' }),
    // Duplicated fields, the same name with conflicting values.
    () => ({
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      data: FIELDS.flatMap((f) => [
        `${f}=${encodeURIComponent(g.pick(BAD_VALUES))}`,
        `${f}=${g.pick(BAD_VALUES)}`
      ]).join('&')
    }),
    // Huge values in every common field.
    () => ({
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      data: FIELDS.map((f) => `${f}=${encodeURIComponent(huge.slice(0, 20_000))}`).join('&')
    }),
    () => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, data: '%%%&&==&=%E0%A4%A' }),
    () => ({
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      data: `${field}=${encodeURIComponent(huge)}`
    })
  ];
  return g.pick(kinds)();
}

/** Never fuzzed while signed in: it would end the session the rest of the run uses. */
const SKIP_SIGNED_IN = new Set(['/logout']);

/** Sends one request and answers its status; throws when no answer came. */
export type Sender = (
  method: string,
  url: string,
  headers: Record<string, string>,
  data?: string | Buffer
) => Promise<number>;

export async function fuzz(request: Sender, origin: string, signedIn: boolean, seed: number, cases: number) {
  const g = generator(seed);
  const failures: string[] = [];
  let sent = 0;
  let resets = 0;
  const send = async (method: string, url: string, b?: Body) => {
    sent++;
    const what = `${method} ${url.slice(0, 160)} ${b ? b.headers['content-type'] + ' ' + String(b.data).slice(0, 60) : ''}`;
    try {
      const go = () => request(method, url, { origin, ...(b?.headers ?? {}) }, b?.data);
      // A reset on a kept-alive connection means the server left a refused body unread in it
      // (scripts/unread-body.mjs prevents that): count it, and retry once on a fresh one as a
      // browser would, so the run goes on and the spec reports how many there were.
      const status = await go().catch(() => {
        resets++;
        return go();
      });
      if (status >= 500) failures.push(`${status} ${what}`);
    } catch (e) {
      // A dropped connection is worse than a 500: the server (or its worker) went away.
      failures.push(`no answer (${(e as Error).message.split('\n')[0]}) ${what}`);
      throw new Error(failures.join('\n'));
    }
  };
  for (const r of enumerate()) {
    if (signedIn && SKIP_SIGNED_IN.has(r.pattern)) continue;
    for (let i = 0; i < cases; i++) {
      const url = concrete(r.pattern, g);
      await send('GET', `${url}?${query(g)}`);
      for (const a of r.actions) await send('POST', `${url}?${a === 'default' ? '' : `/${a}&`}${query(g)}`, body(g));
      for (const m of r.methods.filter((m) => m !== 'GET')) await send(m, `${url}?${query(g)}`, body(g));
    }
  }
  return { sent, failures, resets };
}
