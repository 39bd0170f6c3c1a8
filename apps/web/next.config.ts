import type { NextConfig } from 'next';

// The dashboard is a client of the GraphQL API; every page renders in the browser with urql, talking only to this
// server, which forwards /graphql and /files to the API (src/server/api-proxy.ts).
// @convergent/schema and @convergent/engine resolve to their tsc builds here (the `default` export condition; `npm
// run build` / `npm start` build them first); transpilePackages bundles them with the app. The dashboard takes only
// the engine's pure .npy format module, `@convergent/engine/npy`.
const config: NextConfig = {
  reactStrictMode: true,
  transpilePackages: ['@convergent/schema', '@convergent/engine'],
  poweredByHeader: false,
  typescript: { tsconfigPath: './tsconfig.json' },
  // On every response, pages, route handlers and static files alike (the Content-Security-Policy of pages, with its
  // per-request nonce, comes from src/proxy.ts).
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default config;
