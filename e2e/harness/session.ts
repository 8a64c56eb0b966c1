/** A test file's simulator and browser, opened before its first test and closed after its last. */
import { type BrowserKind, type ExtensionBrowser, launchExtensionBrowser } from './browsers.ts';
import { startTestInstance, type TestInstance } from './simulator.ts';

export async function openSession(
  kind?: BrowserKind,
): Promise<{ instance: TestInstance; browser: ExtensionBrowser }> {
  const instance = await startTestInstance();
  return { instance, browser: await launchExtensionBrowser(kind) };
}

export async function closeSession(instance?: TestInstance, browser?: ExtensionBrowser): Promise<void> {
  await browser?.close();
  await instance?.close();
}
