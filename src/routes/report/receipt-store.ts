/**
 * The receipt stays on this phone's tab for an hour, so a reload (or a tap on "back") after
 * an enhanced submit shows it again instead of losing it for good. Only in sessionStorage:
 * never in the URL, never sent anywhere.
 */
const KEY = 'cs-receipt';
const TTL_MS = 60 * 60 * 1000;

export interface StoredReceipt {
  code: string | null;
  again: boolean;
  urgent: boolean;
  commune: string | null;
  fromPhoto: boolean;
  sms?: 'sent' | 'failed' | null;
}

export function keepReceipt(receipt: StoredReceipt): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ at: Date.now(), receipt }));
  } catch {
    // Private mode or storage full: the receipt is still on screen.
  }
}

export function storedReceipt(now = Date.now()): StoredReceipt | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const { at, receipt } = JSON.parse(raw) as { at: number; receipt: StoredReceipt };
    if (now - at > TTL_MS) return (forgetReceipt(), null);
    return receipt;
  } catch {
    return null;
  }
}

export function forgetReceipt(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
