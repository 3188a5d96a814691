import { NewSmsForm } from '@/components/new-sms/NewSmsForm';
import { t } from '@/lib/i18n/t';
import type { AppModel } from './models/app-model';

/** The New SMS button, or the form once opened; only for agents the configuration lets start conversations. */
export function NewSmsArea({ model }: { model: AppModel }) {
  const { newSms, settings, desk } = model;
  const numbers = settings.settings.value?.newSms?.numbers ?? [];
  if (numbers.length === 0) return null;
  const draft = newSms.draft.value;
  if (!draft) {
    return (
      <div class="new-sms-open">
        <button type="button" class="button small" onClick={() => newSms.open(numbers[0]!.number)}>
          {t('new_sms_open')}
        </button>
      </div>
    );
  }
  return (
    <NewSmsForm
      numbers={numbers}
      draft={draft}
      search={newSms.search.value}
      busy={newSms.busy.value}
      error={newSms.error.value}
      onChange={(patch) => newSms.change(patch)}
      onPickContact={(phone) => newSms.pickContact(phone)}
      onSend={() => void newSms.send().then((id) => id && desk.select(id))}
      onCancel={() => newSms.close()}
    />
  );
}
