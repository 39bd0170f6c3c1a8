/**
 * The dashboard's Content-Security-Policy. Scripts run only from this origin and only when they carry the
 * per-request nonce (Next.js puts it on its own scripts and inline bootstrap, reading it from this header; see
 * src/proxy.ts), and 'strict-dynamic' lets those load the code-split chunks. Everything the pages fetch or show
 * comes from this origin (the API is reached through the dashboard's server). Style attributes stay allowed
 * (React and the chart library position elements with them; CSS cannot run script); <style> elements need the nonce.
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}
