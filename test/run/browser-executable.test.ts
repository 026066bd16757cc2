import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserMissingMessage, findBrowserExecutable } from '../../run/browser-executable';

const PLAYWRIGHT = '/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';

function lookup(onDisk: string[], env: Record<string, string> = {}) {
  return {
    env,
    exists: (path: string) => onDisk.includes(path),
    playwrightPath: () => PLAYWRIGHT,
    systemPaths: ['/usr/lib/chromium/chromium', '/usr/bin/chromium'],
  };
}

describe('which Chromium the suite uses', () => {
  it('takes PLAYWRIGHT_CHROMIUM_EXECUTABLE first', () => {
    const found = findBrowserExecutable(lookup(['/opt/chrome', PLAYWRIGHT], { PLAYWRIGHT_CHROMIUM_EXECUTABLE: '/opt/chrome' }));
    assert.deepEqual([found?.source, found?.path], ['env', '/opt/chrome']);
  });

  it('refuses a PLAYWRIGHT_CHROMIUM_EXECUTABLE that does not exist instead of quietly using another', () => {
    assert.throws(
      () => findBrowserExecutable(lookup([PLAYWRIGHT], { PLAYWRIGHT_CHROMIUM_EXECUTABLE: '/nope' })),
      /PLAYWRIGHT_CHROMIUM_EXECUTABLE=\/nope does not exist/,
    );
  });

  it("then Playwright's own download, when it is on disk", () => {
    const found = findBrowserExecutable(lookup([PLAYWRIGHT, '/usr/bin/chromium']));
    assert.deepEqual([found?.source, found?.path], ['playwright', PLAYWRIGHT]);
  });

  it("then the system's Chromium, Debian's real binary before its wrapper", () => {
    assert.equal(findBrowserExecutable(lookup(['/usr/bin/chromium']))?.path, '/usr/bin/chromium');
    assert.equal(findBrowserExecutable(lookup(['/usr/bin/chromium', '/usr/lib/chromium/chromium']))?.path, '/usr/lib/chromium/chromium');
  });

  it("prefers Debian's headless shell to full Chromium, unless a browser with a window is wanted", () => {
    const debian = { env: {}, playwrightPath: () => undefined, exists: (file: string) => ['/usr/lib/chromium/chromium', '/usr/lib/chromium/chromium-headless-shell'].includes(file) };
    assert.equal(findBrowserExecutable(debian)?.path, '/usr/lib/chromium/chromium-headless-shell');
    assert.equal(findBrowserExecutable({ ...debian, headed: true })?.path, '/usr/lib/chromium/chromium');
    assert.equal(findBrowserExecutable({ ...debian, exists: (file: string) => file === '/usr/bin/chromium-headless-shell' })?.path, '/usr/bin/chromium-headless-shell');
  });

  it('finds nothing when nothing is installed, and the message gives the commands to run', () => {
    assert.equal(findBrowserExecutable(lookup([])), undefined);
    const message = browserMissingMessage();
    assert.match(message, /npx playwright install chromium/);
    assert.match(message, /apt-get install -y chromium-headless-shell/);
    assert.match(message, /PLAYWRIGHT_CHROMIUM_EXECUTABLE=/);
  });
});
