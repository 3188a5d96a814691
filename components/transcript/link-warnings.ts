import { t } from '../../lib/i18n/t';
import type { LinkWarning } from '../../lib/links/types';

/**
 * Customer-controlled words (a host, what it imitates) go into a sentence between U+2068 FIRST
 * STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, so a right-to-left name cannot reorder the
 * sentence around it.
 */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** The sentence the agent reads for one warning. */
export function warningText(warning: LinkWarning): string {
  switch (warning.kind) {
    case 'userinfo':
      return t('link_warning_userinfo', isolate(warning.host));
    case 'punycode':
      return t('link_warning_punycode', isolate(warning.unicode));
    case 'mixed_script':
      return warning.imitates === undefined
        ? t('link_warning_mixed_script')
        : t('link_warning_mixed_script_imitates', isolate(warning.imitates));
    case 'whole_script_confusable':
      return t('link_warning_whole_script_confusable', isolate(warning.imitates));
    case 'lookalike':
      return t('link_warning_lookalike', isolate(warning.imitates));
    case 'unusual_characters':
      return t('link_warning_unusual_characters');
    case 'invalid_punycode':
      return t('link_warning_invalid_punycode');
    case 'bidi_control':
      return t('link_warning_bidi_control');
    case 'ip_address':
      return t('link_warning_ip_address', isolate(warning.host));
    case 'scheme_not_allowed':
      return t('link_warning_scheme_not_allowed', isolate(warning.scheme));
  }
}
