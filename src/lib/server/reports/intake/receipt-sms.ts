/**
 * The receipt code by SMS, when the reporter left a phone number and ticked "gửi mã qua SMS".
 * Sent once, straight after the report is stored, and never queued: the outbox would have to
 * keep the code, which the database otherwise holds only as a hash. The code goes only into
 * the message handed to the gateway; failures are logged by error code, never with the text.
 */
import * as m from '$lib/paraglide/messages';
import { log } from '$lib/server/log';
import { ascii } from '$lib/server/notify/compose';
import type { Notifier } from '$lib/server/notify/notifier';
import { formatReceipt } from '$lib/shared/reports/receipt';

/** What the receipt page says about the text: sent, could not be sent, or not asked for. */
export type ReceiptSmsOutcome = 'sent' | 'failed' | null;

export interface ReceiptSmsRequest {
  wanted: boolean;
  phone: string | null | undefined;
  protection: string;
  code: string | null;
  created: boolean;
}

/**
 * An anonymous report keeps no phone number, so none is handed to a gateway either; a retried
 * submit (the same one-time key) does not text the code a second time.
 */
export const smsWanted = (r: ReceiptSmsRequest): boolean =>
  r.wanted && !!r.phone?.trim() && r.protection !== 'anonymous' && !!r.code && r.created;

export async function textReceipt(
  sms: Notifier | undefined,
  phone: string,
  code: string,
  origin: string
): Promise<Exclude<ReceiptSmsOutcome, null>> {
  if (!sms) return 'failed';
  // Without accents: one 160-character GSM text instead of a three-part Unicode one.
  const text = ascii(m.desk_receipt_sms({ code: formatReceipt(code), link: `${origin}/r` }, { locale: 'vi' }));
  try {
    await sms.send({ to: phone.replace(/[\s.()-]/g, ''), subject: '', text });
    return 'sent';
  } catch (e) {
    log.warn({ err: (e as { code?: string }).code ?? 'send_failed' }, 'receipt sms not sent');
    return 'failed';
  }
}
