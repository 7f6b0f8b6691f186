/**
 * SMS. A gateway implements `Notifier` with channel 'sms'. Two are built in: this recording
 * stand-in, used whenever SMS_GATEWAY is unset (it keeps what it was asked to send, for tests,
 * and sends nothing), and a JSON webhook for an operator's relay to a telco or aggregator API.
 */
import type { Notifier, OutgoingMessage } from './notifier';

export class RecordingSms implements Notifier {
  readonly channel = 'sms' as const;
  readonly sent: OutgoingMessage[] = [];
  /** Set to make the next sends throw (tests of the retry path). */
  failWith: string | null = null;

  async send(message: OutgoingMessage): Promise<void> {
    if (this.failWith) throw new Error(this.failWith);
    this.sent.push(message);
  }
}

/**
 * POSTs `{ "to": "09…", "text": "…" }` as JSON to the relay and counts any 2xx as accepted.
 * Ten seconds at most: a reporter waits on the receipt page while it is sent.
 */
export function webhookSms(url: string, timeoutMs = 10_000): Notifier {
  return {
    channel: 'sms',
    async send(message: OutgoingMessage): Promise<void> {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ to: message.to, text: message.text }),
        signal: AbortSignal.timeout(timeoutMs)
      });
      // The error names the status only: the body of a refusal may echo the message.
      if (!res.ok) throw Object.assign(new Error(`sms gateway answered ${res.status}`), { code: `HTTP_${res.status}` });
    }
  };
}
