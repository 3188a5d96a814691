import { createAgentSession } from './agent-session';
import { registerNotificationClicks } from './notifications';
import { registerPanelOpening } from './panel-opening';
import { createPanelPorts } from './panel-ports';

// Chrome may stop this service worker at any time and restarts it on the next event, so main is
// synchronous and registers every listener at once; the agent session reloads itself from storage.
export default defineBackground(() => {
  const ports = createPanelPorts({
    onConnect: (port) => void session.greet((message) => ports.post(port, message)),
    onRequest: (request) =>
      void session.handle(request).catch((error: unknown) => console.error('Texto: a panel request failed:', error)),
  });
  const session = createAgentSession(ports);
  ports.listen();
  registerPanelOpening();
  registerNotificationClicks();
  globalThis.addEventListener('online', () => session.networkBack());
});
