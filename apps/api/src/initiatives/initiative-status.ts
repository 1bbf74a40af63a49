/**
 * The life of an agents' initiative (PIFPP, « portage d’initiative frugale sans permission préalable », issue 18):
 * stored as codes, always shown as words.
 */
export const INITIATIVE_STATUSES = ['idea', 'testing', 'adopted', 'abandoned'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const INITIATIVE_STATUS_LABELS: Readonly<Record<InitiativeStatus, string>> = {
  idea: 'Idée',
  testing: 'En test',
  adopted: 'Adoptée',
  abandoned: 'Abandonnée',
};

export const isInitiativeStatus = (code: unknown): code is InitiativeStatus =>
  typeof code === 'string' && (INITIATIVE_STATUSES as readonly string[]).includes(code);
