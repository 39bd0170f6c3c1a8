// URLs of the binary file routes, signed so that an <img src> or tfjs' loader works without a header. A signature
// covers a scope ("units/<id>", "alignments/<id>", "probe/<experimentId>", …), an expiry and the credential (token
// or dashboard session) that asked for the link; it is issued only by a GraphQL resolver that has already checked
// the object belongs to that credential's team. The file route honours it only while that credential is live, so
// revoking a token or signing out kills its links. The HMAC key is kept in the database (auth/server-keys.ts):
// links survive API restarts and work on every API process of one database.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Links for one credential (the caller of one GraphQL request). */
export interface FileLinks {
  /** Absolute URL of `/files/<scope>/<rest>` with a signature for scope. */
  url(scope: string, rest: string): string;
}

export type LinkCheck =
  | { ok: true; credentialId: string; expiresAt: Date }
  | { ok: false; reason: 'INVALID' | 'EXPIRED'; message: string };

export interface FileLinkSigner {
  /** Links signed for this credential. */
  forCredential(credentialId: string): FileLinks;
  /** A signature of scope for a credential (the value of ?sig=). */
  sign(scope: string, credentialId: string): string;
  /** Checks a signature's MAC and expiry (not whether its credential is still live: the route does that). */
  verify(scope: string, sig: string): LinkCheck;
  ttlSeconds: number;
}

export interface FileLinkOptions {
  /** Public origin of the API, e.g. http://127.0.0.1:4000 */
  baseUrl: string;
  /** HMAC key (the server reads it from the database; tests may pass one). */
  key: Buffer | string;
  /** Lifetime of a link in seconds (default 1 h). */
  ttlSeconds?: number;
}

/** Expiries are rounded up to this many seconds, so links of one object stay identical (cacheable) for a while. */
const EXPIRY_STEP_S = 300;

export function createFileLinks(options: FileLinkOptions): FileLinkSigner {
  const key = options.key;
  const ttl = options.ttlSeconds ?? 3600;
  const base = options.baseUrl.replace(/\/+$/, '');
  const mac = (scope: string, exp: number, credentialId: string) => createHmac('sha256', key).update(`${scope}\n${exp}\n${credentialId}`).digest('base64url');
  const expiry = () => Math.ceil((Date.now() / 1000 + ttl) / EXPIRY_STEP_S) * EXPIRY_STEP_S;
  const signer: FileLinkSigner = {
    ttlSeconds: ttl,
    forCredential(credentialId) {
      return { url: (scope, rest) => `${base}/files/${scope}/${rest}?sig=${signer.sign(scope, credentialId)}` };
    },
    sign(scope, credentialId) {
      const exp = expiry();
      return `${exp}.${credentialId}.${mac(scope, exp, credentialId)}`;
    },
    verify(scope, sig) {
      const invalid = {
        ok: false as const,
        reason: 'INVALID' as const,
        message: 'this file link is not valid for this file (edited, cut short, or signed by another installation); ask the API for a fresh link',
      };
      const m = /^(\d{1,12})\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/.exec(sig);
      if (!m) return invalid;
      const exp = Number(m[1]);
      const credentialId = m[2]!;
      const expected = Buffer.from(mac(scope, exp, credentialId));
      const got = Buffer.from(m[3]!);
      if (expected.length !== got.length || !timingSafeEqual(expected, got)) return invalid;
      if (exp * 1000 <= Date.now()) {
        return {
          ok: false,
          reason: 'EXPIRED',
          message: `this file link expired at ${new Date(exp * 1000).toISOString()} (file links last ${Math.round(ttl / 60)} minutes); ask the API for a fresh one: reload the dashboard page, or query the …Url field again`,
        };
      }
      return { ok: true, credentialId, expiresAt: new Date(exp * 1000) };
    },
  };
  return signer;
}
