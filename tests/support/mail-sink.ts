/**
 * A real SMTP server process (npm smtp-server) on a random local port that keeps every mail it
 * receives, so e-mail tests read back what an officer's mail client would get. One per test file.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** the message as sent, MIME-encoded (to check no secret travels in any encoding) */
  raw: string;
  /** subject and plain-text body as a mail client shows them (decoded by mailparser) */
  subject: string;
  text: string;
}

export interface MailSink {
  mails: ReceivedMail[];
  /** the SMTP URL to give the e-mail notifier */
  url: string;
  /** refuse the next n recipients with a temporary 450, as a busy mailbox does */
  refuseNext(n: number): void;
  close(): Promise<void>;
}

export async function startMailSink(): Promise<MailSink> {
  const mails: ReceivedMail[] = [];
  let refuse = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, cb) {
      if (refuse <= 0) return cb();
      refuse--;
      cb(Object.assign(new Error('Mailbox busy'), { responseCode: 450 }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const bytes = Buffer.concat(chunks);
        simpleParser(bytes)
          .then((m) => {
            mails.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              raw: bytes.toString('latin1'),
              subject: m.subject ?? '',
              text: m.text ?? ''
            });
            cb();
          })
          .catch(cb);
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    mails,
    url: `smtp://127.0.0.1:${port}`,
    refuseNext: (n) => void (refuse = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  };
}
