// Next.js proxy (formerly middleware): a fresh nonce and the Content-Security-Policy for every page request. Next
// reads the policy from the request header, applies its nonce to the scripts it renders, and the page is sent with
// the same policy. Pages are rendered per request (app/layout.tsx) so that each gets its own nonce.
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from './server/content-security-policy.ts';

export function proxy(request: NextRequest): NextResponse {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  const nonce = btoa(String.fromCharCode(...bytes));
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the forwarded API routes, sign-in exchange, health, or static build output.
      source: '/((?!graphql|files/|auth/|health|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
