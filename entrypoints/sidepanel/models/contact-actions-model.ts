import { signal } from '@preact/signals';
import { dialTarget, emailTarget, extensionTarget, type DialerConfig, type EmailConfig } from '@/lib/dialer/targets';
import type { CountryCode } from '@/lib/entities/types';
import { t } from '@/lib/i18n/t';
import type { DialerSetting, EmailSetting, Interaction } from '@/lib/protocol';
import type { BackgroundLink } from '../background-link';
import { openTarget } from '../open-target';
import { runCommand } from './run-command';
import type { SettingsModel } from './settings-model';

type Via = 'transcript' | 'contact_menu';

function dialerOf(setting: DialerSetting | undefined): DialerConfig {
  if (setting?.kind === 'sip') return { kind: 'sip', domain: setting.domain };
  return setting ?? { kind: 'tel' };
}

function emailOf(setting: EmailSetting | undefined): EmailConfig {
  return setting ?? { kind: 'mailto' };
}

/**
 * Click-to-dial and click-to-email: opens the target the administrator configured and records the
 * activity on the interaction (the server also writes it into the transcript: who, what, when).
 * The background opens the target first (the panel never navigates), then the activity is
 * recorded; the record goes through the outbox and arrives even after a reconnect.
 */
export function createContactActionsModel(link: BackgroundLink, settings: SettingsModel) {
  const errors = signal<ReadonlyMap<string, string>>(new Map());
  const setError = (interactionId: string, message: string | null) => {
    const next = new Map(errors.value);
    if (message === null) next.delete(interactionId);
    else next.set(interactionId, message);
    errors.value = next;
  };

  async function start(interaction: Interaction, activity: 'call' | 'email', value: string, url: string, via: Via) {
    setError(interaction.id, null);
    try {
      await openTarget(link, url);
    } catch (error) {
      setError(interaction.id, t('dial_error', error instanceof Error ? error.message : String(error)));
    }
    const outcome = await runCommand(link, { name: 'recordActivity', interactionId: interaction.id, activity, target: value, via });
    if (!outcome.ok) setError(interaction.id, t('dial_error', outcome.message));
  }

  return {
    errors,
    dial(interaction: Interaction, e164: string, via: Via = 'transcript') {
      const region = (interaction.region ?? 'FR') as CountryCode;
      let url: string;
      try {
        url = dialTarget(dialerOf(settings.settings.value?.dialer), e164, region);
      } catch (error) {
        setError(interaction.id, t('dial_error', (error as Error).message));
        return Promise.resolve();
      }
      return start(interaction, 'call', e164, url, via);
    },
    /** A voice consultation: calls a colleague's extension with the configured dialer (no contact activity). */
    async callExtension(interaction: Interaction, extension: string) {
      setError(interaction.id, null);
      try {
        await openTarget(link, extensionTarget(dialerOf(settings.settings.value?.dialer), extension, (interaction.region ?? 'FR') as CountryCode));
      } catch (error) {
        setError(interaction.id, t('dial_error', error instanceof Error ? error.message : String(error)));
      }
    },
    email(interaction: Interaction, address: string, via: Via = 'transcript') {
      let url: string;
      try {
        url = emailTarget(emailOf(settings.settings.value?.email), address);
      } catch (error) {
        setError(interaction.id, t('dial_error', (error as Error).message));
        return Promise.resolve();
      }
      return start(interaction, 'email', address, url, via);
    },
  };
}

export type ContactActionsModel = ReturnType<typeof createContactActionsModel>;
