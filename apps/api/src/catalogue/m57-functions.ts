/**
 * Labels of the M57 functional nomenclature (« nomenclature par fonction »), function 4 « Santé et action sociale »,
 * the part a CCAS, a commune or a département uses for its social services.
 *
 * Sources, and how far they go:
 * - The nomenclature by function is annex 2 of the M57 instruction from the 2024 financial year: arrêté du 21 décembre 2023
 *   relatif à l'instruction budgétaire et comptable M. 57, article 1 (copy of the Journal officiel consulted at
 *   https://legal.tricoteuses.fr/articles/JORFARTI000048706537). The annex itself (the published list of codes) was not
 *   found in the sources searched (collectivites-locales.gouv.fr was not reachable there).
 * - The codes and labels below were read in a transcription of the M57 functional nomenclature held in a public source
 *   repository (a budget-nomenclature generator script, « 4 Santé et action sociale » … « 448 Autres dépenses au titre
 *   du RSA »), not in the instruction itself: check them against the current M57 instruction (tome 1, nomenclature
 *   fonctionnelle) before a formal use. Labels are kept as transcribed (abbreviations included).
 *
 * A code absent from this table has no label: {@link m57FunctionLabel} answers null and callers say « hors nomenclature ».
 */
export const M57_FUNCTIONS: Readonly<Record<string, string>> = {
  '4': 'Santé et action sociale',
  '40': 'Services communs',
  '41': 'Santé',
  '410': 'Services communs',
  '411': 'PMI et planification familiale',
  '412': 'Prévention et éducation pour la santé',
  '413': 'Sécurité alimentaire',
  '414': 'Dispensaires et autres établissements sanitaires',
  '418': 'Autres actions',
  '42': 'Action sociale',
  '420': 'Services communs',
  '421': 'Famille et enfance',
  '4211': 'Actions en faveur de la maternité',
  '4212': 'Aides à la famille',
  '4213': 'Aides sociales à l’enfance',
  '4214': 'Adolescence',
  '422': 'Petite enfance',
  '4221': 'Crèches et garderies',
  '4222': 'Multi accueil',
  '4228': 'Autres actions pour la petite enfance',
  '423': 'Personnes âgées',
  '4231': 'Forfait autonomie',
  '4232': 'Autres actions de prévention',
  '4238': 'Autres actions pour les personnes âgées',
  '424': 'Personnes en difficulté',
  '425': 'Personnes handicapées',
  '428': 'Autres interventions sociales',
  '43': 'APA',
  '430': 'Services communs',
  '431': 'APA à domicile',
  '432': 'APA versée aux bénéficiaires en établissement',
  '433': 'APA versée à l’établissement',
  '44': 'RSA',
  '441': 'Insertion sociale',
  '442': 'Santé',
  '443': 'Logement',
  '444': 'Insertion professionnelle',
  '445': 'Évaluation des dépenses engagées',
  '446': 'Dépenses de structure',
  '447': 'RSA allocations',
  '448': 'Autres dépenses au titre du RSA',
};

/** The M57 label of a function code, or null when the code is not in {@link M57_FUNCTIONS}. */
export const m57FunctionLabel = (code: string): string | null => (Object.hasOwn(M57_FUNCTIONS, code) ? M57_FUNCTIONS[code] : null);

/** `{ code: label or null }` for some function codes (each once, in the given order). */
export const m57FunctionLabels = (codes: Iterable<string>): Record<string, string | null> =>
  Object.fromEntries([...new Set(codes)].map((code) => [code, m57FunctionLabel(code)]));
