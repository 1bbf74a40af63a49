import { parentPort } from 'node:worker_threads';
import { DossierJob, renderDossier } from './dossier-render';

/**
 * Worker-thread entry of `DossierThread`: renders one dossier per message and answers with its bytes (transferred, not
 * copied), or the error's text. Started by the API process; holds no database connection.
 */
parentPort?.on('message', (message: { id: number; job: DossierJob }) => {
  renderDossier(message.job).then(
    (file) => {
      const content = new Uint8Array(file.content.buffer, file.content.byteOffset, file.content.byteLength);
      parentPort!.postMessage({ id: message.id, ok: true, file: { ...file, content } });
    },
    (error: unknown) => parentPort!.postMessage({ id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
