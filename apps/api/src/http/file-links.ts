// URLs of the binary file routes, signed so that an <img src> works without a header. A signature covers a
// scope ("units/<id>", "alignments/<id>", "probe/<experimentId>") and an expiry; it is issued only by a GraphQL
// resolver that has already checked the object belongs to the caller's team. Routes also accept a team token
// (Bearer header or ?token=) and then check ownership themselves.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface FileLinks {
  /** Absolute URL of `/files/<scope>/<rest>` with a signature for scope. */
  url(scope: string, rest: string): string;
  /** A signature of scope (the value of ?sig=). */
  sign(scope: string): string;
  /** True when `sig` is a valid, unexpired signature of scope. */
  verify(scope: string, sig: string): boolean;
}

export interface FileLinkOptions {
  /** Public origin of the API, e.g. http://127.0.0.1:4000 */
  baseUrl: string;
  /** HMAC key; share it between API processes behind one address. Default: random per process. */
  key?: Buffer | string;
  /** Lifetime of a signature in seconds (default 24 h). */
  ttlSeconds?: number;
}

export function createFileLinks(options: FileLinkOptions): FileLinks {
  const key = options.key ?? randomBytes(32);
  const ttl = options.ttlSeconds ?? 24 * 3600;
  const base = options.baseUrl.replace(/\/+$/, '');
  const mac = (scope: string, exp: number) => createHmac('sha256', key).update(`${scope}\n${exp}`).digest('base64url');
  // Round the expiry to the hour so that URLs of one object stay identical (cacheable) for a while.
  const expiry = () => (Math.floor(Date.now() / 3_600_000) + 1) * 3600 + ttl;
  return {
    url(scope, rest) {
      return `${base}/files/${scope}/${rest}?sig=${this.sign(scope)}`;
    },
    sign(scope) {
      const exp = expiry();
      return `${exp}.${mac(scope, exp)}`;
    },
    verify(scope, sig) {
      const m = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(sig);
      if (!m) return false;
      const exp = Number(m[1]);
      if (exp * 1000 < Date.now()) return false;
      const expected = Buffer.from(mac(scope, exp));
      const got = Buffer.from(m[2]!);
      return expected.length === got.length && timingSafeEqual(expected, got);
    },
  };
}
