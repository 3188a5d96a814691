import { DEFAULT_CONSENT_KEYWORDS, type ConsentKeywords } from '../../lib/consent/keywords';
import type { ResponseLanguage } from '../../lib/protocol';
import type { TextoConfig } from '../config';

/** The automatic answers when the configuration gives none, in the number's language. */
const DEFAULT_ANSWERS: Record<ResponseLanguage, { optOut: string; optIn: string; help: string }> = {
  en: {
    optOut: 'You will receive no more texts from us. Reply START to receive them again.',
    optIn: 'You will receive our texts again. Reply STOP to stop them.',
    help: 'Customer service: reply to this text to reach an adviser. Reply STOP to receive no more texts.',
  },
  fr: {
    optOut: 'Vous ne recevrez plus nos SMS. Envoyez START pour les recevoir de nouveau.',
    optIn: 'Vous recevrez de nouveau nos SMS. Envoyez STOP pour ne plus les recevoir.',
    help: 'Service client : répondez à ce SMS pour écrire à un conseiller. Envoyez STOP pour ne plus recevoir de SMS.',
  },
};

export interface NumberConsentSettings {
  language: ResponseLanguage;
  keywords: ConsentKeywords;
  answers: { optOut: string; optIn: string; help: string };
}

/** A number's consent keywords and answers, with the defaults filled in. */
export function numberConsent(config: TextoConfig, centreNumber: string): NumberConsentSettings {
  const number = config.numbers.find((n) => n.number === centreNumber);
  const consent = number?.consent ?? {};
  const caseLanguage = number?.caseData.language;
  const language: ResponseLanguage = consent.language ?? (caseLanguage === 'fr' || caseLanguage === 'en' ? caseLanguage : 'en');
  const answers = DEFAULT_ANSWERS[language];
  return {
    language,
    keywords: {
      optOut: consent.optOutKeywords ?? DEFAULT_CONSENT_KEYWORDS.optOut,
      optIn: consent.optInKeywords ?? DEFAULT_CONSENT_KEYWORDS.optIn,
      help: consent.helpKeywords ?? DEFAULT_CONSENT_KEYWORDS.help,
    },
    answers: {
      optOut: consent.optOutReply ?? answers.optOut,
      optIn: consent.optInReply ?? answers.optIn,
      help: consent.helpReply ?? answers.help,
    },
  };
}

/** The key a change of consent is stored under: the contact-centre number, or `*` for the whole centre. */
export const consentScope = (config: TextoConfig, centreNumber: string): string => (config.consent?.scope === 'centre' ? '*' : centreNumber);
