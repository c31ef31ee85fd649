import type { Browser, Page } from 'playwright-core';

export { launchChromium } from '../../scripts/browser/chromium';

/** Calls the page made to google.script.run / google.script.host, recorded in window.__calls. */
export interface ScriptCall {
  name: string;
  args: unknown[];
}

/**
 * Opens an HtmlService page as Apps Script serves it, with `google.script.run` stubbed: each server
 * call is recorded and answered with `answers[name]` through the success handler.
 */
export async function openPage(
  browser: Browser,
  html: string,
  answers: Record<string, unknown>,
): Promise<Page> {
  const page = await browser.newPage();
  // The stub goes first in <head>, so it exists before the page's own scripts run.
  const stub = `<script>(${installStub.toString()})(${JSON.stringify(answers)});</script>`;
  await page.setContent(html.replace('<head>', `<head>${stub}`), { waitUntil: 'load' });
  return page;
}

function installStub(replies: Record<string, unknown>): void {
  const calls: { name: string; args: unknown[] }[] = [];
  (window as unknown as { __calls: typeof calls }).__calls = calls;
  const runner = (
    success: ((value: unknown) => void) | null,
    failure: ((error: unknown) => void) | null,
  ): unknown =>
    new Proxy(
      {},
      {
        get(_target, name: string) {
          if (name === 'withSuccessHandler')
            return (handler: (value: unknown) => void) => runner(handler, failure);
          if (name === 'withFailureHandler')
            return (handler: (error: unknown) => void) => runner(success, handler);
          return (...args: unknown[]) => {
            calls.push({ name, args });
            setTimeout(() => success?.(replies[name]), 0);
          };
        },
      },
    );
  (window as unknown as { google: unknown }).google = {
    script: { run: runner(null, null), host: { close: () => calls.push({ name: 'host.close', args: [] }) } },
  };
}

export function callsOf(page: Page): Promise<ScriptCall[]> {
  return page.evaluate(() => (window as unknown as { __calls: ScriptCall[] }).__calls);
}
