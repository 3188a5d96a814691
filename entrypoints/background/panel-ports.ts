import { browser, type Browser } from 'wxt/browser';
import { isPanelRequest, PANEL_PORT_NAME, type BackgroundMessage, type PanelRequest } from '@/lib/messaging/panel-port';

type Port = Browser.runtime.Port;

/**
 * The open side panels (one per window, or a tab in the e2e build). Only this extension's own
 * pages may connect: no external listener exists, and the sender is checked on every port.
 */
export function createPanelPorts(handlers: {
  onConnect(port: Port): void;
  onRequest(request: PanelRequest, port: Port): void;
  onDisconnect(port: Port): void;
}) {
  const ports = new Set<Port>();
  const extensionOrigin = browser.runtime.getURL('/');

  const isOwnPanel = (port: Port): boolean =>
    port.name === PANEL_PORT_NAME &&
    port.sender?.id === browser.runtime.id &&
    (port.sender?.url === undefined || port.sender.url.startsWith(extensionOrigin));

  return {
    /** Registered synchronously in the background's main. */
    listen() {
      browser.runtime.onConnect.addListener((port) => {
        if (!isOwnPanel(port)) {
          port.disconnect();
          return;
        }
        ports.add(port);
        port.onDisconnect.addListener(() => {
          ports.delete(port);
          handlers.onDisconnect(port);
        });
        port.onMessage.addListener((message: unknown) => {
          if (isPanelRequest(message)) handlers.onRequest(message, port);
        });
        handlers.onConnect(port);
      });
    },
    post(port: Port, message: BackgroundMessage) {
      try {
        port.postMessage(message);
      } catch {
        ports.delete(port);
      }
    },
    broadcast(message: BackgroundMessage) {
      for (const port of ports) this.post(port, message);
    },
    hasPanels(): boolean {
      return ports.size > 0;
    },
  };
}

export type PanelPorts = ReturnType<typeof createPanelPorts>;
