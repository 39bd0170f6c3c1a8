/** Headless Debian Chromium through playwright-core (never a downloaded browser), with a fresh profile. */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  try {
    // launch() gives every browser a fresh temporary user-data-dir.
    return await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  } catch (e) {
    throw new Error(`could not start Chromium at ${executablePath} (install Debian's chromium or set CHROMIUM_PATH): ${(e as Error).message.split('\n')[0]}`);
  }
}
