// The agent's side of an e2e test: the real side panel, driven by role and accessible name.
import type { ElementHandle, Page } from 'puppeteer-core';

type Role =
  | 'button'
  | 'textbox'
  | 'log'
  | 'alert'
  | 'group'
  | 'article'
  | 'region'
  | 'list'
  | 'searchbox'
  | 'tab'
  | 'link'
  | 'dialog'
  | 'menuitem'
  | 'combobox'
  | 'form';

/** `::-p-aria` selector for a control by role and accessible name (what a screen reader announces). */
export const aria = (role: Role, name?: string) =>
  name === undefined ? `::-p-aria([role="${role}"])` : `::-p-aria([name="${name}"][role="${role}"])`;

/**
 * A locator for a control by role and name. The bounding-box stability check is off: with
 * `::-p-aria` it never settles in Firefox over WebDriver BiDi, and the panel has no animations.
 */
export const control = (panel: Page, role: Role, name: string) =>
  panel.locator(aria(role, name)).setWaitForStableBoundingBox(false);

export async function signIn(panel: Page, server: string, username = 'alice', password = 'texto-demo'): Promise<void> {
  await control(panel, 'textbox', 'Server').fill(server);
  await control(panel, 'textbox', 'Username').fill(username);
  await fillPassword(panel, password);
  await control(panel, 'button', 'Sign in').click();
}

/**
 * Chromium gives a password field the role textbox; Firefox gives it a role of its own and its
 * <label> the same name, so there the input is picked among the elements named "Password".
 */
async function fillPassword(panel: Page, password: string): Promise<void> {
  await panel.waitForSelector('::-p-aria([name="Password"])');
  if (await panel.$(aria('textbox', 'Password'))) {
    await control(panel, 'textbox', 'Password').fill(password);
    return;
  }
  for (const field of await panel.$$('::-p-aria([name="Password"])')) {
    if (!(await field.evaluate((e) => e instanceof HTMLInputElement))) continue;
    await field.evaluate((e) => (e as HTMLInputElement).select());
    await field.type(password);
    return;
  }
  throw new Error('no Password field');
}

export async function signInAndGoReady(panel: Page, server: string, username = 'alice'): Promise<void> {
  await signIn(panel, server, username);
  await panel.waitForSelector(aria('button', 'Sign out'));
  await control(panel, 'button', 'Ready').click();
  await waitPressed(panel, 'Ready');
}

/** Waits until the status toggle `name` is pressed (the server confirmed the status). */
export async function waitPressed(panel: Page, name: string): Promise<void> {
  await panel.waitForFunction(
    (label) =>
      [...document.querySelectorAll('[role="group"] button')].some(
        (b) => b.textContent === label && b.getAttribute('aria-pressed') === 'true',
      ),
    { polling: 100 },
    name,
  );
}

/** Waits until some element matching `selector` shows `text` (as its text content, anywhere inside). */
export async function waitForText(panel: Page, selector: string, text: string, timeout = 15_000): Promise<void> {
  try {
    await panel.waitForFunction(
      (sel, expected) => [...document.querySelectorAll(sel)].some((e) => e.textContent?.includes(expected)),
      { timeout, polling: 100 },
      selector,
      text,
    );
  } catch (error) {
    // Say what the panel showed instead, so a failure reads without a screenshot.
    const seen = await panel.$$eval(selector, (all) => all.map((e) => e.textContent ?? '')).catch(() => []);
    throw new Error(`no ${selector} showed ${JSON.stringify(text)}; seen: ${JSON.stringify(seen).slice(0, 600)}`, { cause: error });
  }
}

/** The offer card (an article) that shows `text`. */
export async function offerShowing(panel: Page, text: string): Promise<ElementHandle> {
  await waitForText(panel, 'article', text);
  const handles = await panel.$$('article');
  for (const handle of handles) {
    if ((await handle.evaluate((e) => e.textContent ?? '')).includes(text)) return handle;
  }
  throw new Error(`no offer shows ${text}`);
}

/** Accepts the offer showing `text` and waits for its transcript. */
export async function acceptOffer(panel: Page, text: string): Promise<void> {
  const offer = await offerShowing(panel, text);
  const accept = await offer.waitForSelector(aria('button', 'Accept'));
  await accept!.click();
  await waitForText(panel, '[role="log"][aria-label="Transcript"]', text);
}

export async function textOf(panel: Page, selector: string): Promise<string> {
  return panel.$eval(selector, (e) => e.textContent ?? '');
}

/** The connection state line (connected / reconnecting / offline). */
export const CONNECTION = '.connection-text';
export const NOTICES = '[role="log"][aria-label="System messages"]';
export const TRANSCRIPT = '[role="log"][aria-label="Transcript"]';
