import { useLanguage } from '@/lib/i18n/t';
import { readManagedSettings } from '@/lib/managed-settings/read';

/**
 * The interface language IT may have chosen (a managed setting), loaded once each time the worker
 * starts: notifications and menu items wait for it. Until then, and if it fails, the browser's.
 */
export const languageReady: Promise<void> = readManagedSettings()
  .then((managed) => useLanguage(managed.language))
  .catch((error: unknown) => console.warn('Texto: the managed interface language could not be loaded:', error));
