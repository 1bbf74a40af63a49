/** Documents for the board and the assembly a report subscription may attach (issue 19, item 7). */
export const REPORT_DOCUMENTS = ['dossier-methodologique', 'fongibilite', 'prets-en-nature'] as const;
export type ReportDocument = (typeof REPORT_DOCUMENTS)[number];
