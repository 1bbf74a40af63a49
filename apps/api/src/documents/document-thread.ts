import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DocumentJob, documentJobTitle } from './document-job';
import type { RenderedFile } from './render-file';

type Answer = { id: number; ok: true; file: RenderedFile } | { id: number; ok: false; error: string };

/**
 * Source entry when the API runs from TypeScript (tests): the worker compiles `.ts` files with swc as it requires them
 * and reads `@levier/indicators` from its sources, as Jest does. The built product runs the compiled `.js` directly.
 */
const tsBootstrap = (entry: string, indicators: string): string => `
const fs = require('node:fs');
const Module = require('node:module');
const { transformSync } = require('@swc/core');
const options = (filename) => ({ filename, jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022', keepClassNames: true }, module: { type: 'commonjs' } });
require.extensions['.ts'] = (module, filename) => module._compile(transformSync(fs.readFileSync(filename, 'utf8'), options(filename)).code, filename);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return resolve.call(this, request === '@levier/indicators' ? ${JSON.stringify(indicators)} : request, ...rest); };
require(${JSON.stringify(entry)});
`;

/**
 * Renders the dossiers méthodologiques and the notes pour le conseil in a worker thread (issue 19, item 6): the engine
 * runs (results, sensitivity) and pdfkit's layout of a scope at scale M take seconds of CPU, which would hold the API's
 * event loop (every other request waiting). One worker, started on first use and restarted after a crash; its jobs run
 * one after another. A crash or an error answers the pending requests with an error (500), never a half document.
 */
@Injectable()
export class DocumentThread implements OnModuleDestroy {
  private readonly logger = new Logger(DocumentThread.name);
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<number, { title: string; resolve: (file: RenderedFile) => void; reject: (error: Error) => void }>();

  render(job: DocumentJob): Promise<RenderedFile> {
    const worker = this.worker ?? this.start();
    const id = this.next++;
    return new Promise<RenderedFile>((resolve, reject) => {
      this.pending.set(id, { title: documentJobTitle(job), resolve, reject });
      worker.postMessage({ id, job });
    });
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const compiled = __filename.endsWith('.js');
    const entry = path.join(__dirname, `document-render.worker.${compiled ? 'js' : 'ts'}`);
    const worker = compiled
      ? new Worker(entry)
      : new Worker(tsBootstrap(entry, path.resolve(__dirname, '../../../../libs/indicators/src/index.ts')), { eval: true });
    worker.unref();
    worker.on('message', (answer: Answer) => {
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if (answer.ok)
        waiting.resolve({ ...answer.file, content: Buffer.from(answer.file.content.buffer, answer.file.content.byteOffset, answer.file.content.byteLength) });
      else waiting.reject(new Error(`${waiting.title} : le rendu a échoué — ${answer.error}`));
    });
    const fail = (error: (title: string) => Error) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, waiting] of this.pending) {
        this.pending.delete(id);
        waiting.reject(error(waiting.title));
      }
    };
    worker.on('error', (error) => {
      this.logger.error(`documents worker thread failed: ${error.message}`);
      fail(() => error);
    });
    worker.on('exit', (code) => {
      if (this.pending.size > 0) fail((title) => new Error(`${title} : le fil de rendu s’est arrêté (code ${code})`));
      if (this.worker === worker) this.worker = null;
    });
    this.worker = worker;
    return worker;
  }
}
