/**
 * Who sends: LPS=pilot (default; the pilot LPS simulator, driven over HTTP) or LPS=vendor (a vendor's real LPS,
 * driven by a tester following the scenario's instructions). Vendor mode reads VENDOR_LPS_SYSTEM (the name the
 * LPS sends in X-LPS-System) and VENDOR_TIMEOUT_S (how long a step waits for the LPS's message, default 300).
 */

export type LpsMode = 'pilot' | 'vendor';

export function lpsMode(value = process.env.LPS): LpsMode {
  if (value === undefined || value === '' || value === 'pilot') return 'pilot';
  if (value === 'vendor') return 'vendor';
  throw new Error(`LPS=${value} is not a mode: give pilot (the default) or vendor`);
}

export interface VendorSettings {
  system: string;
  timeoutMs: number;
}

export function vendorSettings(env = process.env): VendorSettings {
  const system = env.VENDOR_LPS_SYSTEM;
  if (!system) throw new Error('LPS=vendor needs VENDOR_LPS_SYSTEM: the name your LPS sends in the X-LPS-System header');
  const seconds = env.VENDOR_TIMEOUT_S === undefined ? 300 : Number(env.VENDOR_TIMEOUT_S);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`VENDOR_TIMEOUT_S=${env.VENDOR_TIMEOUT_S} is not a number of seconds`);
  return { system, timeoutMs: seconds * 1000 };
}

/** Step timeout for steps that wait on the LPS: in vendor mode the tester's time plus a margin. */
export function lpsStepTimeoutMs(): number {
  return lpsMode() === 'vendor' ? vendorSettings().timeoutMs + 30_000 : 30_000;
}
