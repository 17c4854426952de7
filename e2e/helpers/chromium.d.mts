export declare const CHROMIUM_CANDIDATES: readonly string[];
/** `PARTNERDESK_CHROMIUM` when set (it must exist), else the first installed candidate, else `null`. */
export declare function findChromium(env?: NodeJS.ProcessEnv): string | null;
