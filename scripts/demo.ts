/**
 * `npm run demo`: the local instance plus Chromium with the extension loaded, pointed at it and
 * signed in as the seeded creator Mira (user 6). With no display it runs the same flow headless
 * and writes screenshots to .output/demo/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { launchExtensionBrowser } from '../e2e/harness/browsers.ts';
import { configureInstance, openExtensionPage, waitForText } from '../e2e/harness/extension.ts';
import { BrowserNotFound, chromiumPath } from '../e2e/harness/find-browser.ts';
import { startSimulator } from '../simulator/server.ts';

const PORT = 4815;
const DEMO_USER = 6;
const OUT = '.output/demo';

try {
  chromiumPath();
} catch (error) {
  if (!(error instanceof BrowserNotFound)) throw error;
  console.error(error.message);
  process.exit(1);
}

// The e2e variant is the production build plus a grant for the local simulator origin, so the
// demo needs no permission prompt (and the tests' storage probe, which does nothing unasked).
const build = spawnSync('npx', ['wxt', 'build', '--mode', 'e2e'], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
if (build.status !== 0) process.exit(build.status ?? 1);

const simulator = await startSimulator({ port: PORT });
const headless = !process.env.DISPLAY;
const browser = await launchExtensionBrowser('chromium', { headless });
const user = simulator.users.get(DEMO_USER);
if (!user) throw new Error('The simulator lost its seeded creator');
await configureInstance(browser, { origin: simulator.origin, userId: DEMO_USER, token: user.token });

const site = await browser.newPage();
await site.goto(`${simulator.origin}/profile/personal-information`);
const popup = await openExtensionPage(browser, 'popup.html');
await popup.resize(420, 640);
await waitForText(popup, user.profile.user.name);

if (headless) {
  mkdirSync(OUT, { recursive: true });
  await popup.screenshot(`${OUT}/popup.png`);
  await site.screenshot(`${OUT}/instance-page.png`);
  console.log(`No display: screenshots written to ${OUT}/popup.png and ${OUT}/instance-page.png`);
  await browser.close();
  await simulator.close();
} else {
  console.log(`Simulator on ${simulator.origin}; the popup is open in a tab. Press Ctrl+C to stop.`);
  process.on('SIGINT', async () => {
    await browser.close();
    await simulator.close();
    process.exit(0);
  });
}
