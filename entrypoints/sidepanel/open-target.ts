import type { BackgroundLink } from './background-link';

/**
 * Opens a click-to-dial or click-to-email target. The background does it (tabs API): the panel
 * never navigates nor activates a `tel:` link itself, which froze the Chromium side panel's
 * keyboard (see entrypoints/background/open-target.ts for what each scheme does).
 */
export async function openTarget(link: BackgroundLink, url: string): Promise<void> {
  const reply = await link.request({ type: 'openTarget', url });
  if (!reply.ok) throw new Error(reply.message);
}
