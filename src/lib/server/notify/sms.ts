/**
 * SMS. A real gateway (a Vietnamese telco or aggregator API) implements `Notifier` with
 * channel 'sms'; none can be reached from here, so the only implementation is this recording
 * stand-in, used whenever SMS_GATEWAY is unset. It keeps what it was asked to send (tests read
 * it) and sends nothing.
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
