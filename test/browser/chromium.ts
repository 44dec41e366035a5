// Debian's Chromium driven by playwright-core: no browser download, a fresh profile per launch, and the
// flags that keep it off the network (no QUIC, background networking, component updates or sync).
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {chromium, type BrowserContext} from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch Chromium with a new, empty user-data-dir (removed by `close`). */
export async function launch(): Promise<{context: BrowserContext; close: () => Promise<void>}> {
  if (!existsSync(CHROMIUM)) throw new Error(`Cannot run the browser tests: ${CHROMIUM} is missing (apt-get install chromium; .ci/run does)`);
  const profile = mkdtempSync(join(tmpdir(), 'guidance-diff-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: {width: 1400, height: 900},
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, {recursive: true, force: true});
    },
  };
}
