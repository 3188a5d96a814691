/**
 * Well-known sites that phishing SMS imitate in France and worldwide. A non-ASCII host whose
 * skeleton (see `confusables.ts`) equals one of these, or ends with `.` + one of these, is
 * flagged as a look-alike. Deployments add their own brand through `LinkOptions`.
 */
export const PROTECTED_DOMAINS: readonly string[] = [
  'google.com', 'gmail.com', 'youtube.com', 'apple.com', 'icloud.com', 'microsoft.com',
  'live.com', 'outlook.com', 'office.com', 'amazon.com', 'amazon.fr', 'paypal.com', 'paypal.fr',
  'facebook.com', 'instagram.com', 'whatsapp.com', 'netflix.com', 'leboncoin.fr', 'vinted.fr',
  'laposte.fr', 'laposte.net', 'labanquepostale.fr', 'colissimo.fr', 'chronopost.fr', 'ameli.fr',
  'impots.gouv.fr', 'service-public.fr', 'antai.gouv.fr', 'caf.fr', 'franceconnect.gouv.fr',
  'orange.fr', 'free.fr', 'sfr.fr', 'bouyguestelecom.fr', 'credit-agricole.fr', 'bnpparibas',
  'mabanque.bnpparibas', 'societegenerale.fr', 'lcl.fr', 'creditmutuel.fr', 'boursorama.com',
  'caisse-epargne.fr', 'edf.fr', 'engie.fr', 'sncf-connect.com',
];
