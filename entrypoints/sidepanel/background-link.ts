import { browser, type Browser } from 'wxt/browser';
import {
  PANEL_PORT_NAME,
  type BackgroundMessage,
  type PanelReply,
  type PanelRequest,
  type PanelRequestBody,
} from '@/lib/messaging/panel-port';

export interface BackgroundLink {
  /** The one subscription the app models are fed by. */
  subscribe(listener: (message: BackgroundMessage) => void): void;
  /** Sends a request; resolves with the background's reply (which may come after a worker restart). */
  request(body: PanelRequestBody): Promise<PanelReply>;
  /** Sends a request that gets no reply (what the panel shows). */
  notify(body: PanelRequestBody): void;
}

const RECONNECT_DELAY_MS = 200;

/** The message of a request settled because the background went away with it (code `network`). */
export const BACKGROUND_LOST = 'The connection to the background was lost; try again.';

/**
 * The panel's only line to the world: a runtime Port to the background. Chrome disconnects it when
 * it stops the service worker; the link reconnects at once, which wakes the worker, and the worker
 * greets it with a fresh `sync`.
 */
export function connectBackground(): BackgroundLink {
  let listener: ((message: BackgroundMessage) => void) | null = null;
  const pending = new Map<string, { type: PanelRequest['type']; resolve: (reply: PanelReply) => void }>();
  /** Requests made while the port was down (the worker restarting), sent once it is back. */
  const queued: PanelRequest[] = [];
  let port: Browser.runtime.Port | null = null;

  const open = () => {
    const current = browser.runtime.connect({ name: PANEL_PORT_NAME });
    port = current;
    for (const request of queued.splice(0)) current.postMessage(request);
    current.onMessage.addListener((message: unknown) => {
      const typed = message as BackgroundMessage;
      if (typed.type === 'reply') {
        const waiting = pending.get(typed.requestId);
        if (!waiting) return;
        pending.delete(typed.requestId);
        waiting.resolve(typed);
        return;
      }
      listener?.(typed);
    });
    current.onDisconnect.addListener(() => {
      port = null;
      settleLostRequests();
      setTimeout(open, RECONNECT_DELAY_MS);
    });
  };

  /**
   * The worker stopped with these requests in hand: a query, a sign-in, a responses fetch… would
   * wait forever, so they settle with `network` and the panel shows its offline state or its cache.
   * Commands are the exception: they sit in the background's stored outbox and their answer comes
   * back by request id after the restart.
   */
  const settleLostRequests = () => {
    for (const [requestId, waiting] of pending) {
      if (waiting.type === 'command') continue;
      pending.delete(requestId);
      waiting.resolve({ type: 'reply', requestId, ok: false, code: 'network', message: BACKGROUND_LOST });
    }
  };

  const post = (request: PanelRequest) => {
    if (!port) {
      queued.push(request);
      return;
    }
    try {
      port.postMessage(request);
    } catch {
      queued.push(request);
    }
  };

  open();

  return {
    subscribe(next) {
      listener = next;
    },
    request(body) {
      const requestId = crypto.randomUUID();
      return new Promise<PanelReply>((resolve) => {
        pending.set(requestId, { type: body.type, resolve });
        post({ ...body, requestId });
      });
    },
    notify(body) {
      post({ ...body, requestId: crypto.randomUUID() });
    },
  };
}
