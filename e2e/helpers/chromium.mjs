// Where the browser tests find Chromium. Shared by scripts/ensure-chromium.mjs (which installs it when
// missing) and e2e/helpers/browser.ts (which launches it), so both agree on the same binary.
import { accessSync, constants } from 'node:fs';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium to use: `PARTNERDESK_CHROMIUM` when set (it must exist), else the first of
 * CHROMIUM_CANDIDATES that exists. `null` when there is none.
 */
export function findChromium(env = process.env) {
  const configured = env.PARTNERDESK_CHROMIUM;
  if (configured !== undefined && configured !== '') {
    if (!isExecutable(configured)) throw new Error(`PARTNERDESK_CHROMIUM=${configured} is not an executable file.`);
    return configured;
  }
  return CHROMIUM_CANDIDATES.find(isExecutable) ?? null;
}
