// An HtmlService page (sidebar, dialog) opened in Chromium as Apps Script serves it, with google.script.run
// answered from a table or by the built add-on: used by the add-on's page tests and by the guide's pictures.
import type { Browser, Page } from 'playwright-core';

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
  await page.setContent(withScriptStub(html, answers, Object.keys(serve ?? {})), { waitUntil: 'load' });
  return page;
}

/**
 * The page's HTML with the google.script.run stub first in <head>, so it exists before the page's own
 * scripts run; names in `served` are answered by the page's `__serve` function (see openPage).
 */
export function withScriptStub(
  html: string,
  answers: Record<string, unknown>,
  served: string[] = [],
): string {
  const stub = `<script>(${installStub.toString()})(${JSON.stringify(answers)}, ${JSON.stringify(served)});</script>`;
  return html.replace('<head>', `<head>${stub}`);
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
