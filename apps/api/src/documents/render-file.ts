import type { HashedDocument } from './document-model';
import { renderHtml } from './document-html';
import { renderPdf } from './document-pdf';
import type { DocumentFormat } from './document-query.dto';

export interface RenderedFile {
  content: Uint8Array;
  contentType: string;
  fileName: string;
  hash: string;
}

/** A hashed document laid out as a file: accessible HTML, or an A4 PDF (streams compressed unless told otherwise). */
export const renderFile = async (document: HashedDocument, format: DocumentFormat, compress: boolean): Promise<RenderedFile> => {
  if (format === 'html')
    return {
      content: Buffer.from(renderHtml(document), 'utf8'),
      contentType: 'text/html; charset=utf-8',
      fileName: `${document.fileName}.html`,
      hash: document.hash,
    };
  return {
    content: await renderPdf(document, { compress }),
    contentType: 'application/pdf',
    fileName: `${document.fileName}.pdf`,
    hash: document.hash,
  };
};
