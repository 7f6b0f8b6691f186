/**
 * The delivery job: drains pending notifications through the configured channels. A row is
 * `sent` when every address it resolved to accepted the message; otherwise it is retried with
 * an exponential backoff (1, 2, 4, … minutes) and becomes `failed` after the last attempt, or
 * at once when nobody at the office has an address. Messages are composed from the outbox row
 * only (compose.ts), so a protected reporter identity can never reach them.
 */
import type { Db } from '$lib/server/db';
import { log } from '$lib/server/log';
import { decryptIdentity } from '$lib/server/reports/identity';
import { compose, composeUrgentDigest, type Composed } from './compose';
import type { Notifiers, OutgoingMessage, Notifier } from './notifier';
import * as repo from './delivery.repository';

export interface DeliveryOptions {
  now?: Date;
  maxAttempts?: number;
  origin?: string;
  limit?: number;
}

export interface DeliveryResult {
  sent: number;
  retrying: number;
  failed: number;
}

type Send = { via: Notifier; message: OutgoingMessage };

/**
 * Addresses: the reporter's own contact for an answer; the named officer (by e-mail only for
 * in-app notices, which are too many for SMS); else the office's staff, else the office's phone.
 */
async function recipients(
  db: Db,
  row: { kind: string; account_id: string | null; organisation_id: string; report_id: string | null }
): Promise<repo.Contact[]> {
  if (row.kind === 'answer') return row.report_id ? reporterContact(db, row.report_id) : [];
  if (row.account_id) {
    const c = await repo.accountContact(db, row.account_id);
    if (c && row.kind === 'notice') return c.email ? [{ email: c.email, phone: null }] : [];
    return c ? [c] : [];
  }
  const staff = (await repo.officeContacts(db, row.organisation_id)).filter((c) => c.email || c.phone);
  if (staff.length) return staff;
  const phone = await repo.organisationPhone(db, row.organisation_id);
  return phone ? [{ email: null, phone }] : [];
}

/**
 * The reporter's phone or e-mail, decrypted only to address this one message: it is handed to
 * the channel as the recipient and never logged, stored or put in a message body.
 */
async function reporterContact(db: Db, reportId: string): Promise<repo.Contact[]> {
  const row = await repo.reportIdentity(db, reportId);
  if (!row) return [];
  const who = decryptIdentity(reportId, row);
  return who.phone || who.email ? [{ email: who.email ?? null, phone: who.phone ?? null }] : [];
}

function plan(contacts: repo.Contact[], words: Composed, ch: Notifiers): Send[] {
  const out: Send[] = [];
  for (const c of contacts) {
    if (c.email && ch.email)
      out.push({ via: ch.email, message: { to: c.email, subject: words.subject, text: words.text } });
    else if (c.phone && ch.sms) out.push({ via: ch.sms, message: { to: c.phone, subject: '', text: words.sms } });
  }
  return out;
}

/** A short technical reason for the row: the error's code, never a message body. */
const reason = (e: unknown) => String((e as { code?: string })?.code ?? (e as Error)?.message ?? e).slice(0, 200);

type Row = Awaited<ReturnType<typeof repo.duePending>>[number];

/**
 * Urgent alerts waiting for the same person (or office) go as ONE message listing them: a burst
 * of reports — a fire seen by a whole village, or a flood of anonymous posts — must not become
 * a hundred texts to one officer's phone. Every row is still kept and marked.
 */
function batches(rows: Row[]): Row[][] {
  const urgent = new Map<string, Row[]>();
  const out: Row[][] = [];
  for (const row of rows) {
    if (row.kind !== 'urgent') {
      out.push([row]);
      continue;
    }
    const key = `${row.organisation_id}|${row.account_id ?? '-'}`;
    const group = urgent.get(key);
    if (group) group.push(row);
    else {
      const fresh = [row];
      urgent.set(key, fresh);
      out.push(fresh);
    }
  }
  return out;
}

/** Rows whose words also sit on the account's notifications page (written when queued). */
const hasInAppCopy = (row: Row): boolean => row.kind === 'custodian' && !!row.account_id;

export async function deliverPending(db: Db, channels: Notifiers, opts: DeliveryOptions = {}): Promise<DeliveryResult> {
  const now = opts.now ?? new Date();
  const names = await repo.categoryNames(db);
  const rows = await repo.duePending(db, now.toISOString(), opts.limit ?? 500);
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  const name = (id: string) => names.get(id) ?? '';
  for (const batch of batches(rows)) {
    const words =
      batch.length > 1
        ? composeUrgentDigest(batch, name, opts.origin ?? '')
        : compose(batch[0], name, opts.origin ?? '');
    const outcome = await deliverBatch(db, batch, words, channels, now, opts.maxAttempts ?? 5);
    result[outcome] += batch.length;
  }
  return result;
}

/** Sends one message for the rows of a batch (they share their recipients) and marks each row. */
async function deliverBatch(
  db: Db,
  batch: Row[],
  words: Composed,
  channels: Notifiers,
  now: Date,
  max: number
): Promise<keyof DeliveryResult> {
  const sends = plan(await recipients(db, batch[0]), words, channels);
  const mark = (f: (row: Row) => Promise<void>) => Promise.all(batch.map(f));
  if (!sends.length && batch.every(hasInAppCopy)) {
    await mark((row) => repo.markInAppOnly(db, row.id, row.attempts + 1, now.toISOString()));
    return 'sent';
  }
  if (!sends.length) {
    await mark((row) => repo.markAttemptFailed(db, row.id, row.attempts + 1, 'no_recipient', null));
    return 'failed';
  }
  const errors: string[] = [];
  for (const s of sends) {
    try {
      await s.via.send(s.message);
    } catch (e) {
      errors.push(`${s.via.channel}: ${reason(e)}`);
    }
  }
  if (!errors.length) {
    await mark((row) => repo.markSent(db, row.id, row.attempts + 1, now.toISOString()));
    return 'sent';
  }
  // Rows of one batch may have been tried a different number of times: each keeps its own count.
  let final = true;
  await mark(async (row) => {
    const attempts = row.attempts + 1;
    const next = attempts < max ? new Date(now.getTime() + 60_000 * 2 ** (attempts - 1)).toISOString() : null;
    if (next) final = false;
    await repo.markAttemptFailed(db, row.id, attempts, errors.join('; '), next);
  });
  log.warn({ notifications: batch.map((r) => r.id), final }, 'notification delivery failed');
  return final ? 'failed' : 'retrying';
}
