import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useChrome } from './support/chrome';
import { acceptOffer, aria, control, signInAndGoReady } from './support/panel';
import { useTestServer } from './support/server';
import { customerTexts } from './support/simulator';

const CONTROL_ROLES = new Set(['button', 'link', 'tab', 'menuitem', 'checkbox', 'radio', 'textbox', 'combobox', 'searchbox', 'spinbutton', 'slider']);

interface Mismatch {
  role: string;
  name: string;
  label: string;
}

/**
 * Every visible control whose accessible name is not its visible label (the text on a button or
 * link, the <label> of a field), as the browser's accessibility tree computes the name.
 */
async function namesThatDifferFromLabels(panel: Page): Promise<{ checked: number; mismatches: Mismatch[] }> {
  const cdp = await panel.createCDPSession();
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { ignored: boolean; role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number }[];
  };
  let checked = 0;
  const mismatches: Mismatch[] = [];
  for (const node of nodes) {
    const role = node.role?.value ?? '';
    if (node.ignored || !CONTROL_ROLES.has(role) || node.backendDOMNodeId === undefined) continue;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId });
    if (!object.objectId) continue;
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      returnByValue: true,
      functionDeclaration: `function () {
        const visible = (e) => e.checkVisibility && e.checkVisibility();
        if (!visible(this)) return null;
        const text = (e) => (e.innerText || '').replace(/\\s+/g, ' ').trim();
        // A <label> wrapping a <select> also holds the options' text: the label is the rest.
        const own = this instanceof HTMLSelectElement ? text(this) : '';
        if (this.labels && this.labels.length) return [...this.labels].map((l) => text(l).replace(own, '').trim()).join(' ');
        if (this instanceof HTMLInputElement || this instanceof HTMLTextAreaElement || this instanceof HTMLSelectElement) return '';
        return text(this);
      }`,
    });
    const label = result.value as string | null;
    if (label === null || label === '') continue;
    checked += 1;
    const name = (node.name?.value ?? '').replace(/\s+/g, ' ').trim();
    if (name !== label) mismatches.push({ role, name, label });
  }
  await cdp.detach();
  return { checked, mismatches };
}

describe('accessible names in the Chromium side panel', () => {
  const server = useTestServer();
  const chrome = useChrome();

  it('every visible control is named by its visible label, at sign-in and with an interaction open', async () => {
    const panel = await chrome.get().openSidePanel();
    await panel.waitForSelector(aria('button', 'Sign in'));
    const signInForm = await namesThatDifferFromLabels(panel);
    expect(signInForm.checked).toBeGreaterThanOrEqual(4);
    expect(signInForm.mismatches).toEqual([]);

    await customerTexts(server.url, { from: '+33612345678', text: 'Voir https://example.com/a ou appelez le 06 12 34 56 78' });
    await signInAndGoReady(panel, server.url);
    await acceptOffer(panel, 'example.com/a');
    const desk = await namesThatDifferFromLabels(panel);
    expect(desk.checked).toBeGreaterThanOrEqual(10);
    expect(desk.mismatches).toEqual([]);

    // The menus and dialogs the agent opens from there.
    for (const [opener, opened] of [
      ['Actions for Camille Lefebvre', aria('menuitem', 'Call +33612345678')],
      ['Instant SMS Transfer', aria('searchbox')],
      ['Responses', aria('dialog')],
    ] as const) {
      await control(panel, 'button', opener).click();
      await panel.waitForSelector(opened);
      const open = await namesThatDifferFromLabels(panel);
      expect(open.mismatches, opener).toEqual([]);
      // (A modal dialog makes the rest of the panel inert: only its own controls count then.)
      expect(open.checked, opener).toBeGreaterThanOrEqual(3);
      await panel.keyboard.press('Escape');
      await panel.waitForSelector(opened, { hidden: true });
    }
  });
});
