/** The delivery channels from configuration (the CLI job uses these). */
import { config } from '$lib/server/config';
import { emailNotifier } from './email';
import { RecordingSms } from './sms';
import type { Notifiers } from './notifier';

export function configuredNotifiers(
  env: Pick<typeof config, 'SMTP_URL' | 'MAIL_FROM' | 'SMS_GATEWAY'> = config
): Notifiers {
  // Fail loudly rather than pretend to text people through a gateway that does not exist.
  if (env.SMS_GATEWAY) throw new Error(`SMS_GATEWAY=${env.SMS_GATEWAY}: no SMS gateway adapter is built in`);
  return {
    email: env.SMTP_URL ? emailNotifier({ url: env.SMTP_URL, from: env.MAIL_FROM }) : undefined,
    sms: new RecordingSms()
  };
}
