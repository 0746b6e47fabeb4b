/**
 * The system's Chromium (Debian package `chromium`, or $CHROME_PATH), driven
 * by playwright-core. Tests never download a browser.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];

export function chromePath(): string {
  const configured = process.env['CHROME_PATH'];
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROME_PATH points to ${configured}, which does not exist.`);
    return configured;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `No Chromium found (looked in ${CANDIDATES.join(', ')}). Install Debian's package: sudo apt-get install chromium fonts-noto-cjk — or set CHROME_PATH to a Chrome/Chromium binary. (.ci/run installs it.)`,
    );
  }
  return found;
}

/** A fresh headless Chromium (Playwright gives each launch an empty profile) with no background traffic. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
    ],
  });
}
