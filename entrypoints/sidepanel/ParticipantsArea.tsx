import { useState } from 'preact/hooks';
import { ScheduleCallbackForm } from '@/components/callback/ScheduleCallbackForm';
import { ErrorAlert } from '@/components/common/ErrorAlert';
import { AssignContactForm } from '@/components/contact/AssignContactForm';
import { ContactBar } from '@/components/contact/ContactBar';
import { ContactEditForm } from '@/components/contact/ContactEditForm';
import { ContactMenu } from '@/components/contact/ContactMenu';
import { MergePicker, type MergeCandidate } from '@/components/merge/MergePicker';
import { t } from '@/lib/i18n/t';
import type { Interaction } from '@/lib/protocol';
import { formatDateTime } from '@/lib/time/zoned';
import type { AppModel } from './models/app-model';

type Panel = 'none' | 'edit' | 'assign' | 'merge' | 'callback';

/**
 * Under the interaction's header: the connection state with the contact's interaction counts, and
 * the participant's actions menu (Call, Email, Edit, Assign, Merge, Schedule callback) with the
 * form each one opens.
 */
export function ParticipantsArea({ model, interaction, locale }: { model: AppModel; interaction: Interaction; locale: string }) {
  const { contacts, contactActions, settings, history, merge, callbacks, connection, agent, clock } = model;
  const [panel, setPanel] = useState<Panel>('none');
  const contact = interaction.contact;
  const contactId = contact?.id ?? interaction.customer.contactId;
  const who = contact?.unknown || !contact?.name ? interaction.customer.phone : contact.name;

  const candidates: MergeCandidate[] = [];
  const mergeKey = `merge:${interaction.id}`;
  for (const other of agent.state.value?.interactions ?? []) {
    if (other.id === interaction.id || !contactId || other.customer.contactId !== contactId) continue;
    const mode = other.mode === 'page' ? t('interaction_mode_page') : t('interaction_mode_session');
    candidates.push({
      key: `interaction:${other.id}`,
      label: t('merge_with_interaction', mode, other.customer.phone),
      onMerge: () => void merge.merge(interaction.id, { kind: 'interaction', interactionId: other.id }).then((ok) => ok && setPanel('none')),
    });
  }
  const me = agent.state.value?.agent.name;
  for (const activity of (contactId ? history.views.value.get(contactId)?.history?.activities : undefined) ?? []) {
    if (activity.mergedInto || activity.agentName !== me) continue;
    candidates.push({
      key: `activity:${activity.id}`,
      label: t(activity.kind === 'call' ? 'merge_with_call' : 'merge_with_email', activity.target, formatDateTime(activity.at, locale)),
      onMerge: () => void merge.merge(interaction.id, { kind: 'activity', activityId: activity.id }).then((ok) => ok && setPanel('none')),
    });
  }

  const contactKey = `contact:${interaction.id}`;
  const close = () => {
    setPanel('none');
    contacts.clearSearch();
  };
  return (
    <div class="participants">
      <ContactBar phase={connection.connection.value.phase} counts={contactId ? history.counts.value.get(contactId) : undefined}>
        <ContactMenu
          who={who}
          phones={contact?.phones.length ? contact.phones : [interaction.customer.phone]}
          emails={contact?.emails ?? []}
          onCall={(e164) => void contactActions.dial(interaction, e164, 'contact_menu')}
          onEmail={(address) => void contactActions.email(interaction, address, 'contact_menu')}
          onEdit={contact && settings.can('contact.edit') ? () => setPanel('edit') : undefined}
          onAssign={contact?.unknown && settings.can('contact.assign') ? () => setPanel('assign') : undefined}
          onMerge={() => setPanel('merge')}
          onScheduleCallback={() => setPanel('callback')}
        />
      </ContactBar>
      <ErrorAlert
        message={contacts.errors.value.get(contactKey) ?? merge.errors.value.get(mergeKey) ?? contactActions.errors.value.get(interaction.id)}
      />
      {panel === 'edit' && contact && (
        <ContactEditForm
          contact={contact}
          busy={contacts.busy.value.has(contactKey)}
          onSave={(change) => void contacts.update(interaction.id, { contactId: contact.id, ...change }).then((ok) => ok && close())}
          onCancel={close}
        />
      )}
      {panel === 'assign' && (
        <AssignContactForm
          {...contacts.search.value}
          busy={contacts.busy.value.has(contactKey)}
          onSearch={(text) => contacts.find(text)}
          onAssign={(target) => void contacts.assign(interaction.id, target.id).then((ok) => ok && close())}
          onCancel={close}
        />
      )}
      {panel === 'merge' && <MergePicker candidates={candidates} busy={merge.busy.value.has(mergeKey)} onClose={close} />}
      {panel === 'callback' && (
        <>
          <ScheduleCallbackForm
            defaultPhone={contact?.phones[0] ?? interaction.customer.phone}
            now={clock.now.peek()}
            busy={callbacks.busy.value.has(`schedule:${interaction.id}`)}
            onSchedule={(dueAt, phone, note) => void callbacks.schedule(interaction.id, dueAt, phone, note).then((ok) => ok && close())}
            onCancel={close}
          />
          <ErrorAlert message={callbacks.errors.value.get(`schedule:${interaction.id}`)} />
        </>
      )}
    </div>
  );
}
