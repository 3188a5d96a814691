export { segmentSms, smsEncoding, smsUnits, SMS_CAPACITY, type SmsEncoding } from './segments';
export { countSms, exceedsMaxMessages, DEFAULT_MAX_MESSAGES, type SmsCount } from './count';
export { unicodeCulprits, type UnicodeCulprit } from './culprits';
export { replaceLookalikes, type LookalikeOptions } from './lookalikes';
export { gsmSeptets, isGsmText, GSM_BASIC_CHARACTERS, GSM_EXTENSION_CHARACTERS } from './gsm-alphabet';
