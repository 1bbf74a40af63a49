import { parentPort } from 'node:worker_threads';
import { DocumentJob, renderDocumentJob } from './document-job';

/**
 * Worker-thread entry of `DocumentThread`: renders one document per message (a dossier méthodologique or a note pour le
 * conseil) and answers with its bytes, or the error’s text. Started by the API process;
 * holds no database connection.
 */
parentPort?.on('message', (message: { id: number; job: DocumentJob }) => {
  renderDocumentJob(message.job).then(
    (file) => {
      const content = new Uint8Array(file.content.buffer, file.content.byteOffset, file.content.byteLength);
      parentPort!.postMessage({ id: message.id, ok: true, file: { ...file, content } });
    },
    (error: unknown) => parentPort!.postMessage({ id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
