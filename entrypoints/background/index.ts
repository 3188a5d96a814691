import { createAgentSession } from './agent-session';
import { registerClickToSms, takePendingClickToSms } from './click-to-sms';
import { registerNotificationClicks } from './notifications';
import { registerPanelOpening } from './panel-opening';
import { createPanelPorts } from './panel-ports';
import { registerSessionWarningClicks } from './session-warnings';

// Chrome may stop this service worker at any time and restarts it on the next event, so main is
// synchronous and registers every listener at once; the agent session reloads itself from storage.
export default defineBackground(() => {
  const ports = createPanelPorts({
    onConnect: (port) =>
      void session
        .greet((message) => ports.post(port, message))
        .then(takePendingClickToSms)
        .then((phone) => phone && ports.post(port, { type: 'newSms', phone })),
    onRequest: (request, port) =>
      void (request.type === 'viewing' ? session.viewing(port, request.key) : session.handle(request)).catch((error: unknown) =>
        console.error('Texto: a panel request failed:', error),
      ),
    onDisconnect: (port) => session.panelGone(port),
  });
  const session = createAgentSession(ports);
  ports.listen();
  registerPanelOpening();
  registerSessionWarningClicks();
  registerClickToSms({ hasPanels: () => ports.hasPanels(), broadcastNewSms: (phone) => ports.broadcast({ type: 'newSms', phone }) });
  registerNotificationClicks((interactionId, answer) =>
    session.answerOffer(interactionId, answer).catch((error: unknown) => console.error('Texto: answering from a notification failed:', error)),
  );
  globalThis.addEventListener('online', () => session.networkBack());
});
