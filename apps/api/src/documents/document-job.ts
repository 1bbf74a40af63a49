import { DossierJob, renderDossier } from './dossier-render';
import { NoteJob, renderNote } from './note-render';
import type { RenderedFile } from './render-file';

/** A document the worker thread renders: the dossier méthodologique or a note pour le conseil, told by `kind`. */
export type DocumentJob = DossierJob | NoteJob;

/** Renders a job; a failure (thrown while building the model too) is a rejected promise, never an uncaught error. */
export const renderDocumentJob = async (job: DocumentJob): Promise<RenderedFile> => {
  switch (job.kind) {
    case 'dossier-methodologique':
      return renderDossier(job);
    case 'note-conseil':
      return renderNote(job);
  }
};

/** The document's name in the error a failed rendering answers with. */
export const documentJobTitle = (job: DocumentJob): string => (job.kind === 'dossier-methodologique' ? 'Dossier méthodologique' : 'Note pour le conseil');
