import { createAgentSession } from './agent-session';
import { registerClickToSms, takePendingClickToSms } from './click-to-sms';
import { registerNotificationClicks } from './notifications';
import { registerPanelOpening } from './panel-opening';
import { openTarget } from './open-target';
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
    onRequest: (request, port) => {
      if (request.type === 'openTarget') {
        // Needs no session: the panel waits for it only to record the activity after.
        void openTarget(request.url, port.sender?.tab?.id)
          .catch((error: unknown) => ({ ok: false as const, message: error instanceof Error ? error.message : String(error) }))
          .then((outcome) =>
            ports.post(port, { type: 'reply', requestId: request.requestId, ...(outcome.ok ? { ok: true } : { ok: false, code: 'bad_request', message: outcome.message }) }),
          );
        return;
      }
      void (request.type === 'viewing' ? session.viewing(port, request.key) : session.handle(request)).catch((error: unknown) =>
        console.error('Texto: a panel request failed:', error),
      );
    },
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
