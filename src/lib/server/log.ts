import pino from 'pino';
import { config } from './config';

/**
 * Application logger. Redaction is a second line of defence: services must never pass
 * identity fields to the logger in the first place.
 */
export const log = pino({
  level: config.logLevel,
  redact: {
    paths: ['*.password', '*.phone', '*.identity', '*.reporter', '*.token', 'req.headers.cookie'],
    censor: '[redacted]'
  }
});
