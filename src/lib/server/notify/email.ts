/** E-mail through any SMTP server (nodemailer). Plain text, UTF-8: the bodies are Vietnamese. */
import nodemailer from 'nodemailer';
import type { Notifier, OutgoingMessage } from './notifier';

export function emailNotifier(options: { url: string; from: string }): Notifier {
  const transport = nodemailer.createTransport(options.url);
  return {
    channel: 'email',
    async send(message: OutgoingMessage): Promise<void> {
      await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        textEncoding: 'base64'
      });
    }
  };
}
