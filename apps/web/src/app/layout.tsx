import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { connection } from 'next/server';
import { ClientConfigProvider } from '../lib/client-config.tsx';
import './globals.css';

export const metadata: Metadata = {
  title: 'Convergent',
  description: 'Do networks that differ only by seed or architecture learn the same features?',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request: each page gets the nonce of its own Content-Security-Policy (src/proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <Link href="/" className="brand">
            Convergent
          </Link>
          <nav>
            <Link href="/">Experiments</Link>
            <Link href="/compare">Compare</Link>
            <Link href="/settings">Settings</Link>
          </nav>
        </header>
        <main>
          <ClientConfigProvider>{children}</ClientConfigProvider>
        </main>
      </body>
    </html>
  );
}
