/** Links built from report data: a point for the phone's map app, and outside links sent by clients. */

/** `geo:` URI (RFC 5870): phones open it in their map app at the point. */
export function geoUri(lat: number, lon: number): string {
  return `geo:${lat.toFixed(6)},${lon.toFixed(6)}`;
}

/** Only plain web links are ever shown as links; anything else (javascript:, data:) is dropped. */
export function safeLink(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}
