import type { NextConfig } from 'next';

// The dashboard is a client of the GraphQL API; every page renders in the browser with urql.
// @convergent/schema ships TypeScript source, so Next must transpile it.
const config: NextConfig = {
  reactStrictMode: true,
  transpilePackages: ['@convergent/schema'],
  poweredByHeader: false,
  typescript: { tsconfigPath: './tsconfig.json' },
};

export default config;
