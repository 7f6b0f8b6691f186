/**
 * Headers every response carries. Browsers then refuse to guess file types, keep page addresses
 * to this site, grant the camera, microphone and location (photos, voice notes and the report
 * pin) to this site only and nothing else, and never keep a signed-in page — a citizen file, a
 * report with a protected identity — in a shared phone's cache or back/forward history.
 */

/** Features the app uses are allowed for this origin only; every other powerful feature is off. */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=(self)',
  'geolocation=(self)',
  ...[
    'accelerometer',
    'autoplay',
    'browsing-topics',
    'display-capture',
    'encrypted-media',
    'fullscreen',
    'gyroscope',
    'hid',
    'magnetometer',
    'midi',
    'payment',
    'picture-in-picture',
    'publickey-credentials-get',
    'screen-wake-lock',
    'serial',
    'usb',
    'xr-spatial-tracking'
  ].map((feature) => `${feature}=()`)
].join(', ');

/** One year, the preload-list minimum; only sent once the site is really served over HTTPS. */
export const HSTS = 'max-age=31536000; includeSubDomains';

export interface HeaderContext {
  /** The public origin (ORIGIN setting, else the request's own). */
  origin: string;
  signedIn: boolean;
}

const isPage = (response: Response) => (response.headers.get('content-type') ?? '').startsWith('text/html');

export function applySecurityHeaders(response: Response, { origin, signedIn }: HeaderContext): Response {
  const h = response.headers;
  h.set('x-content-type-options', 'nosniff');
  h.set('referrer-policy', 'same-origin');
  h.set('x-frame-options', 'DENY');
  h.set('permissions-policy', PERMISSIONS_POLICY);
  // Over plain HTTP (a laptop, a LAN test) HSTS would lock browsers out of the site.
  if (origin.startsWith('https://')) h.set('strict-transport-security', HSTS);
  // Pages and their data (__data.json) always; a file keeps its own rule when it set one.
  if (signedIn && (isPage(response) || !h.has('cache-control'))) h.set('cache-control', 'no-store');
  return response;
}
