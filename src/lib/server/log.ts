import pino from 'pino';
import { config } from './config';

const SECRET_KEYS = ['password', 'phone', 'email', 'identity', 'reporter', 'token'];

/**
 * What the logger blanks: identity fields at the top of a log object and one level down
 * (pino's `*.x` does not match a top-level `x`), an outgoing message's recipient and text.
 */
export const LOG_REDACT = {
  paths: [...SECRET_KEYS, ...SECRET_KEYS.map((k) => `*.${k}`), 'message.to', 'message.text', 'req.headers.cookie'],
  censor: '[redacted]'
};

/**
 * Application logger. Redaction is a second line of defence: services must never pass
 * identity fields to the logger in the first place.
 */
export const log = pino({ level: config.logLevel, redact: LOG_REDACT });
