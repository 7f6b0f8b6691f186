/**
 * Delivery channels for notifications. A Notifier sends one already-composed message to one
 * address; it knows nothing about reports, so it cannot leak anything it was not given.
 */
export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Notifier {
  readonly channel: 'email' | 'sms';
  send(message: OutgoingMessage): Promise<void>;
}

/** The channels a delivery run may use; a missing one is skipped. */
export interface Notifiers {
  email?: Notifier;
  sms?: Notifier;
}
