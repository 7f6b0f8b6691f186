/**
 * A client's network address as a keyed hash: limits can count per client without the database
 * (or a backup, or a log) ever holding the address itself.
 */
import { createHmac } from 'node:crypto';
import { config } from '$lib/server/config';

export const clientTag = (address: string): string =>
  createHmac('sha256', config.APP_SECRET).update(`client:${address}`).digest('hex').slice(0, 32);

/** The tag of the request's client; one shared tag when the address is unknown (tests, some proxies). */
export function requestClientTag(event: { getClientAddress: () => string }): string {
  try {
    return clientTag(event.getClientAddress());
  } catch {
    return clientTag('unknown');
  }
}
