import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { parseServerUrl } from '../connection/urls';
import type { UiLanguage } from '../i18n/t';

/**
 * What IT sets for every desk by policy (docs/managed-settings.md): Chrome's `storage.managed`
 * (its schema is `public/managed_schema.json`), Firefox's `3rdparty` policy for the add-on.
 */
export interface ManagedSettings {
  /** The server the sign-in form offers (its origin), when IT names one. */
  serverUrl: string | undefined;
  /** Whether the agent may type another server: with `serverUrl`, only when IT says so. */
  allowServerChange: boolean;
  /** The interface language, whatever the browser's; undefined follows the browser. */
  language: UiLanguage | undefined;
}

/** One value of the policy, or undefined when IT set none or something unusable (the others still count). */
function valueOf<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> | undefined {
  const parsed = v.safeParse(schema, value);
  return parsed.success ? parsed.output : undefined;
}

/**
 * The e2e build reads the policy from `storage.local` under this key: no test can install a
 * browser policy, and the form must be checked against the same reader.
 */
export const E2E_MANAGED_KEY = 'e2e.managedSettings';

async function policy(): Promise<unknown> {
  if (import.meta.env.MODE === 'e2e') return (await browser.storage.local.get(E2E_MANAGED_KEY))[E2E_MANAGED_KEY];
  try {
    return await browser.storage.managed.get();
  } catch {
    // Firefox without a policy for Texto (and browsers without managed storage) throw: no policy.
    return {};
  }
}

/** The managed settings, with defaults where IT set nothing (or something unusable). */
export async function readManagedSettings(): Promise<ManagedSettings> {
  const found = await policy();
  const values = (typeof found === 'object' && found !== null ? found : {}) as Record<string, unknown>;
  const typed = valueOf(v.string(), values.serverUrl);
  const server = typed === undefined ? undefined : parseServerUrl(typed);
  const serverUrl = server?.ok ? server.origin : undefined;
  return {
    serverUrl,
    allowServerChange: serverUrl === undefined || valueOf(v.boolean(), values.allowServerChange) === true,
    language: valueOf(v.picklist(['en', 'fr']), values.language),
  };
}
