// One way to get a headless Chromium for tests and scripts, with nothing installed by hand: the build that
// ships inside the npm package @sparticuz/chromium, else a system Chromium. Reused by the add-on's page
// tests and by anything that renders pictures of pages.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

const QUIET = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export interface ChromiumBuild {
  executablePath: string;
  args: string[];
  source: 'npm' | 'system';
}

/**
 * The packaged build: the package is ES-module only and unpacks its binary on first use (to /tmp), so a
 * separate Node process asks it, which works the same under jest and from a bundled script.
 */
function packagedChromium(): ChromiumBuild | null {
  const program = `import chromium from '@sparticuz/chromium';
const executablePath = await chromium.executablePath();
process.stdout.write(JSON.stringify({ executablePath, args: chromium.args }));`;
  try {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', program], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120000,
    });
    const found = JSON.parse(out) as { executablePath: string; args: string[] };
    // Its flags are for one page per process (serverless): --single-process ends the browser with its
    // first page closed.
    const args = found.args.filter((flag) => flag !== '--single-process');
    return existsSync(found.executablePath)
      ? { executablePath: found.executablePath, args, source: 'npm' }
      : null;
  } catch {
    return null;
  }
}

function systemChromium(): ChromiumBuild | null {
  const path = SYSTEM_CHROMIUM.find((candidate) => existsSync(candidate));
  return path
    ? { executablePath: path, args: ['--headless', '--no-sandbox', '--disable-gpu'], source: 'system' }
    : null;
}

let found: ChromiumBuild | null | undefined;

/** Where a Chromium is (XEPLOAI_CHROMIUM names one explicitly), or null when there is none. */
export function findChromium(): ChromiumBuild | null {
  if (found !== undefined) return found;
  const chosen = process.env.XEPLOAI_CHROMIUM;
  found = chosen
    ? { executablePath: chosen, args: ['--headless', '--no-sandbox', '--disable-gpu'], source: 'system' }
    : (packagedChromium() ?? systemChromium());
  return found;
}

/** A headless Chromium driven by playwright-core; throws (in Vietnamese) when none can be found. */
export async function launchChromium(): Promise<Browser> {
  const build = findChromium();
  if (!build)
    throw new Error(
      'Không tìm thấy trình duyệt Chromium: gói npm @sparticuz/chromium không chạy được trên máy này và không có Chromium của hệ thống (/usr/bin/chromium). Chạy `npm ci` hoặc đặt XEPLOAI_CHROMIUM là đường dẫn tới một Chromium.',
    );
  return chromium.launch({
    executablePath: build.executablePath,
    args: [...build.args, ...QUIET],
    headless: true,
  });
}
