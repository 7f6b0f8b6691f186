/**
 * An answer can go out before its request's body was read: a refused upload (413, 503), a form
 * post redirected to sign-in, an unknown form action. The rest of that body then sits in the
 * connection, and Node reads no further of it once SvelteKit's body stream has begun and paused
 * (Node drains an unread body itself only when nobody touched it). The next request a client
 * sends on that kept-alive connection waits behind bytes nobody reads, until the idle timeout
 * (5 s) closes the socket and the client sees a reset — a six-second stall per refused upload.
 *
 * So once such an answer is finished, the rest of the body is read and dropped, and the
 * connection is free for the next request. A body too large to be worth receiving only to drop
 * it (more than `maxDrain` bytes, or of unknown length) is answered with `Connection: close`
 * instead: the client stops sending and opens a new connection for its next request.
 */
export const DRAIN_MAX_BYTES = 8 * 1024 * 1024;

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {number} [maxDrain]
 */
export function releaseUnreadBody(req, res, maxDrain = DRAIN_MAX_BYTES) {
  const declared = Number(req.headers['content-length']);
  const small = Number.isFinite(declared) && declared <= maxDrain;
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    // writeHead merges headers set before it with those it is given.
    if (!small && !req.complete && !res.headersSent) res.setHeader('connection', 'close');
    return writeHead.apply(this, /** @type {any} */ (args));
  };
  res.on('finish', () => {
    if (req.complete || req.destroyed || !small) return;
    // The answer is sent, so nothing reads SvelteKit's body stream any more: without its
    // listener the remaining bytes are dropped as they arrive instead of being buffered.
    req.removeAllListeners('data');
    req.resume();
  });
}
