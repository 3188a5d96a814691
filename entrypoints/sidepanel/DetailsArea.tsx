import { useEffect, useState } from 'preact/hooks';
import { CallbackOrigin } from '@/components/callback/CallbackOrigin';
import { ErrorAlert } from '@/components/common/ErrorAlert';
import { ContactCardView } from '@/components/contact/ContactCardView';
import { HistoryPanel } from '@/components/history/HistoryPanel';
import { CaseDataTable } from '@/components/wrapup/CaseDataTable';
import { DispositionPicker } from '@/components/wrapup/DispositionPicker';
import { NoteField } from '@/components/wrapup/NoteField';
import { t } from '@/lib/i18n/t';
import type { Interaction } from '@/lib/protocol';
import { dispositionLabel, dispositionRequired, dispositionsFor, localizedLabel } from '@/lib/wrapup/rules';
import type { AppModel } from './models/app-model';

/** Why Mark Done (and a completing Send) is not possible yet, or undefined when it is. */
export function completionBlockedReason(model: AppModel, interaction: Interaction): string | undefined {
  const required = dispositionRequired(model.settings.settings.value?.dispositions, interaction.queue);
  return required && !interaction.disposition ? t('disposition_needed') : undefined;
}

/**
 * Below the reply box: the wrap-up (disposition, note), the case data, the contact's details and
 * history. The history opens from the saved copy and refreshes from the server.
 */
export function DetailsArea({ model, interaction, locale }: { model: AppModel; interaction: Interaction; locale: string }) {
  const { settings, wrapUp, history } = model;
  const [historyOpen, setHistoryOpen] = useState(false);
  const dispositions = settings.settings.value?.dispositions;
  const caseSettings = settings.settings.value?.caseData;
  const contactId = interaction.contact?.id ?? interaction.customer.contactId;
  const labelOfCode = (code: string) => dispositionLabel(dispositions, code, locale);
  // Another tab shown: this history's items leave memory (IndexedDB keeps them).
  useEffect(() => {
    if (!historyOpen || !contactId) return;
    return () => history.close(contactId);
  }, [historyOpen, contactId]);
  const caseLabel = (key: string) => {
    const label = caseSettings?.labels[key];
    return label ? localizedLabel(label, locale) : key;
  };
  const busyCaseKeys = new Set(
    [...wrapUp.busy.value].filter((k) => k.startsWith(`case:${interaction.id}:`)).map((k) => k.slice(`case:${interaction.id}:`.length)),
  );
  const wrapErrors = [...wrapUp.errors.value].filter(([key]) => key.includes(interaction.id)).map(([, message]) => message);

  return (
    <div class="details">
      {interaction.callback && <CallbackOrigin callback={interaction.callback} locale={locale} />}
      <DispositionPicker
        options={dispositionsFor(dispositions, interaction.queue).map((d) => ({ code: d.code, label: localizedLabel(d.label, locale) }))}
        value={interaction.disposition}
        required={dispositionRequired(dispositions, interaction.queue)}
        busy={wrapUp.busy.value.has(`disposition:${interaction.id}`)}
        onChange={(code) => void wrapUp.setDisposition(interaction.id, code)}
      />
      <NoteField note={wrapUp.noteOf(interaction)} state={wrapUp.noteStates.value.get(interaction.id)} onType={(note) => wrapUp.typeNote(interaction.id, note)} />
      <ErrorAlert message={wrapErrors[0]} />
      <details class="section">
        <summary>{t('casedata_title')}</summary>
        <CaseDataTable
          caseData={interaction.caseData ?? {}}
          editable={caseSettings?.editable ?? []}
          labelOf={caseLabel}
          busyKeys={busyCaseKeys}
          onChange={(key, value) => void wrapUp.setCaseData(interaction.id, key, value)}
        />
      </details>
      {interaction.contact && (
        <details class="section">
          <summary>{t('contact_title')}</summary>
          <ContactCardView contact={interaction.contact} />
        </details>
      )}
      {contactId && (
        <div class="section">
          <button
            type="button"
            class="button small"
            aria-expanded={historyOpen}
            onClick={() => {
              const next = !historyOpen;
              setHistoryOpen(next);
              if (next) void history.open(contactId);
            }}
          >
            {t('history_toggle')}
          </button>
          {historyOpen && (
            <HistoryPanel
              view={history.views.value.get(contactId)}
              currentInteractionId={interaction.id}
              locale={locale}
              dispositionLabel={labelOfCode}
              transcripts={history.transcripts.value}
              onSearch={(text) => void history.search(contactId, text)}
              onShowTranscript={(id) => void history.loadTranscript(contactId, id)}
              onHideTranscript={(id) => history.hideTranscript(id)}
            />
          )}
        </div>
      )}
    </div>
  );
}
