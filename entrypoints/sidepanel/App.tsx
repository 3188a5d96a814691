import { ChannelStates } from '@/components/connection/ChannelStates';
import { ConnectionState } from '@/components/connection/ConnectionState';
import { SystemNotices } from '@/components/connection/SystemNotices';
import { SignInForm } from '@/components/signin/SignInForm';
import { AgentBar } from '@/components/status/AgentBar';
import { StatusToggle } from '@/components/status/StatusToggle';
import { TextSizeControl } from '@/components/transcript/TextSizeControl';
import { uiLocale } from '@/lib/i18n/t';
import type { SessionInfo } from '@/lib/messaging/panel-port';
import type { AppModel } from './models/app-model';
import { WorkArea } from './WorkArea';

/** Routes between the two views: signed out (the form) and the agent's desk. */
export function App({ model }: { model: AppModel }) {
  const session = model.session.session.value;
  if (session === undefined) return null;
  if (session === null) {
    return (
      <main class="app signed-out">
        <SignInForm
          defaultServer={model.session.lastServer.value}
          serverLocked={model.session.serverLocked}
          busy={model.session.signingIn.value}
          error={model.session.error.value}
          onSubmit={(server, username, password) => void model.session.signIn(server, username, password)}
          onEdit={() => model.session.edited()}
        />
      </main>
    );
  }
  return <Desk model={model} session={session} />;
}

function Desk({ model, session }: { model: AppModel; session: SessionInfo }) {
  const { agent, connection, notices, clock } = model;
  const locale = uiLocale();
  return (
    <div class="app">
      <AgentBar name={session.name} onSignOut={() => void model.session.signOut()} />
      <div class="desk-status">
        <StatusToggle
          status={agent.status.value}
          pending={agent.statusPending.value}
          error={agent.statusError.value}
          onChange={(status) => void agent.setStatus(status)}
        />
        <ConnectionState connection={connection.connection.value} now={clock.now} onReconnect={() => void connection.reconnect()} />
        <ChannelStates channels={agent.channels.value} />
        <TextSizeControl percent={model.textSize.percent.value} onChange={(percent) => void model.textSize.set(percent)} />
      </div>
      <SystemNotices notices={notices.notices.value} locale={locale} />
      <WorkArea model={model} locale={locale} />
    </div>
  );
}
