import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// Real misspellings for the suggestion benchmark, as [typed, intended] pairs.
// English: the cspell project's list of common English misspellings (collected from real
// text), sampled. French: mistakes agents and customers really make in SMS — missing or wrong
// accents, doubled or undoubled consonants, missing apostrophes, slips of the keyboard.

const FRENCH = `
bonjuor bonjour|boujour bonjour|bonjoru bonjour|mercie merci|merçi merci|hopital hôpital|apeller appeler|appeller appeler
rappeller rappeler|rapeler rappeler|developement développement|dévelopement développement|developper développer
dévelloper développer|aujourdhui aujourd'hui|aujourdui aujourd'hui|ojourd'hui aujourd'hui|tres très|deja déjà
probleme problème|problemme problème|problém problème|interessant intéressant|interressant intéressant
connection connexion|addresse adresse|adrese adresse|language langage|recevoire recevoir|etre être
malgrés malgré|parmis parmi|dilemne dilemme|bizzare bizarre|cauchemard cauchemar|comission commission
comptoire comptoir|embarasser embarrasser|enmener emmener|exeption exception|hazard hasard|occurence occurrence
ortographe orthographe|plusieures plusieurs|professionel professionnel|rationel rationnel|réccurent récurrent
securite sécurité|succés succès|traditionel traditionnel|acceuil accueil|accueuil accueil|aggréable agréable
appartemment appartement|apartement appartement|aparament apparemment|apparament apparemment|atention attention
baterie batterie|bibliotheque bibliothèque|caddeau cadeau|carrement carrément|comande commande|comander commander
comencer commencer|conaissance connaissance|corespondance correspondance|courier courrier|dificile difficile
difficil difficile|disponnible disponible|envoier envoyer|gerer gérer|informatiion information
immediatement immédiatement|livraision livraison|livrasion livraison|maintenent maintenant
malheureusemnt malheureusement|mesage message|messsage message|numero numéro|operateur opérateur|paiment paiement
possibilitée possibilité|prochainnement prochainement|quelqun quelqu'un|remboursment remboursement
rembourssement remboursement|rensignement renseignement|repondre répondre|réponce réponse|reponse réponse
résilliation résiliation|resiliation résiliation|semainne semaine|servise service|suplémentaire supplémentaire
supplementaire supplémentaire|telephone téléphone|téléphonne téléphone|toujour toujours|tranquile tranquille
verifier vérifier|vraimment vraiment|abonement abonnement|abbonnement abonnement|clientelle clientèle
commende commande|demmain demain|desole désolé|domage dommage|exscusez excusez|formulair formulaire
gratuis gratuit|heureusemnt heureusement|intenet internet|lendemin lendemain|mensieur monsieur|nouvaeu nouveau
ofre offre|pacquet paquet|parfaitemnt parfaitement|probablemnt probablement|rapidemment rapidement|reseau réseau
sinceres sincères|tariff tarif|vendredie vendredi|mercredie mercredi|jeudie jeudi|samedie samedi|dimance dimanche
beaucou beaucoup|beacoup beaucoup|beaucoups beaucoup|cordialemnt cordialement|cordialment cordialement
atendant attendant|patiance patience|pasienter patienter|conprendre comprendre|coordonées coordonnées
coordonnees coordonnées|verification vérification|facturaton facturation|sollution solution|demarche démarche
etape étape|expedition expédition|reclamation réclamation|souaitez souhaitez|pourrriez pourriez
conseiler conseiller|disponibilite disponibilité|telechargement téléchargement|identifiant identifiant
connexsion connexion|conexion connexion|mot-de-passe mot de passe|renouvelement renouvellement|annulation annulation
anulation annulation|anuler annuler|annuller annuler|accés accès|acces accès|dèsolé désolé|désollé désolé
mainenant maintenant|maintenat maintenant|aujour'hui aujourd'hui|quelque-chose quelque chose|malheuresement malheureusement
nécéssaire nécessaire|necessaire nécessaire|nécessaite nécessaire|ammener amener|aquérir acquérir|aquisition acquisition
aparaître apparaître|apeler appeler|apellez appelez|apelez appelez|chaqu'un chacun|chaquun chacun|remerciment remerciement
remercîment remerciement|excellament excellemment|sincérement sincèrement|comfirmer confirmer|confirmaton confirmation
merciii merci|bonsoire bonsoir|bonne-journée bonne journée|journé journée|journéé journée|soirrée soirée|semmaine semaine
fevrier février|decembre décembre|aout août|certainnement certainement|éffectivement effectivement|effectivemment effectivement
`;

export type TypoPair = readonly [typed: string, intended: string];

export function frenchTypos(): TypoPair[] {
  return FRENCH.split(/[|\n]/)
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const [typed, ...intended] = pair.split(' ');
      return [typed!, intended.join(' ')] as const;
    });
}

export function englishTypos(): TypoPair[] {
  const extension = createRequire(import.meta.url).resolve('@cspell/dict-en-common-misspellings');
  const file = join(dirname(extension), 'dict/dict-en.json');
  const list = JSON.parse(readFileSync(file, 'utf8')) as { dictionaryDefinitions: { suggestWords: string[] }[] };
  return list.dictionaryDefinitions
    .flatMap((definition) => definition.suggestWords)
    .map((entry) => {
      const [typed, corrections] = entry.split('->');
      return [typed!.trim(), (corrections ?? '').split(',')[0]!.trim()] as const;
    })
    .filter(([typed, intended]) => /^[a-z]{4,}$/.test(typed) && /^[a-z]+$/.test(intended));
}
