import type { Browser, Page } from 'playwright-core';

export { launchChromium } from '../../scripts/browser/chromium';

/** Calls the page made to google.script.run / google.script.host, recorded in window.__calls. */
export interface ScriptCall {
  name: string;
  args: unknown[];
}

/**
 * The add-on's side of google.script.run: runs the named function and returns its result, or throws,
 * which reaches the page's failure handler as Apps Script passes it (an Error with the message).
 */
export type ScriptServer = (name: string, args: unknown[]) => unknown;

/**
 * Opens an HtmlService page as Apps Script serves it, with `google.script.run` stubbed: each server
 * call is recorded and answered with `answers[name]` through the success handler, or, for a name
 * `serve` is given for, by running it (the built add-on in the host) on the Node side.
 */
export async function openPage(
  browser: Browser,
  html: string,
  answers: Record<string, unknown>,
  serve?: Record<string, ScriptServer>,
): Promise<Page> {
  const page = await browser.newPage();
  await page.exposeFunction('__serve', (name: string, args: unknown[]) => {
    try {
      return { ok: true, value: serve![name](name, args) };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  });
  const served = Object.keys(serve ?? {});
  // The stub goes first in <head>, so it exists before the page's own scripts run.
  const stub = `<script>(${installStub.toString()})(${JSON.stringify(answers)}, ${JSON.stringify(served)});</script>`;
  await page.setContent(html.replace('<head>', `<head>${stub}`), { waitUntil: 'load' });
  return page;
}

function installStub(replies: Record<string, unknown>, served: string[]): void {
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
            if (!served.includes(name)) {
              setTimeout(() => success?.(replies[name]), 0);
              return;
            }
            const serve = (window as unknown as { __serve: (n: string, a: unknown[]) => Promise<Reply> })
              .__serve;
            void serve(name, args).then((reply) =>
              reply.ok ? success?.(reply.value) : failure?.(new Error(reply.message)),
            );
          };
        },
      },
    );
  (window as unknown as { google: unknown }).google = {
    script: { run: runner(null, null), host: { close: () => calls.push({ name: 'host.close', args: [] }) } },
  };
}

type Reply = { ok: true; value: unknown } | { ok: false; message: string };

export function callsOf(page: Page): Promise<ScriptCall[]> {
  return page.evaluate(() => (window as unknown as { __calls: ScriptCall[] }).__calls);
}
