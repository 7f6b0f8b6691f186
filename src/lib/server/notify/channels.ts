/** The delivery channels from configuration (the CLI job and the receipt SMS use these). */
import { config } from '$lib/server/config';
import { emailNotifier } from './email';
import { RecordingSms, webhookSms } from './sms';
import type { Notifiers } from './notifier';

type ChannelEnv = Pick<typeof config, 'SMTP_URL' | 'MAIL_FROM' | 'SMS_GATEWAY'>;

const isWebhook = (gateway: string) => /^https?:\/\//.test(gateway);

export function configuredNotifiers(env: ChannelEnv = config): Notifiers {
  // Fail loudly rather than pretend to text people through a gateway that does not exist.
  if (env.SMS_GATEWAY && !isWebhook(env.SMS_GATEWAY))
    throw new Error(`SMS_GATEWAY=${env.SMS_GATEWAY}: no SMS gateway adapter is built in (give an http(s) relay URL)`);
  return {
    email: env.SMTP_URL ? emailNotifier({ url: env.SMTP_URL, from: env.MAIL_FROM }) : undefined,
    sms: env.SMS_GATEWAY ? webhookSms(env.SMS_GATEWAY) : new RecordingSms()
  };
}

/** Whether a text really leaves the server: the form offers the receipt SMS only then. */
export const smsReachesPhones = (env: ChannelEnv = config): boolean => !!env.SMS_GATEWAY && isWebhook(env.SMS_GATEWAY);

let shared: Notifiers | null = null;
/** One set of channels for the running app (built on first use, after configuration is read). */
export const appNotifiers = (): Notifiers => (shared ??= configuredNotifiers());
