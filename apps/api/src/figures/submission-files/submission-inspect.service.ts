import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../platform/config/config.module';
import { AppConfig } from '../../platform/config/app-config';
import { inspectFigureFile } from '../parsing/parse-figure-file';
import type { UploadedFigureFile } from '../submissions.service';
import type { TableInspection } from '../parsing/figure-table';

/** `POST /api/submissions/inspect`: the sheets of a file, each with its header line, layout if detected, columns and a few rows. */
export interface FileInspectionResponse {
  fileName: string | null;
  format: 'csv' | 'xlsx';
  sheets: ({ name: string | null } & TableInspection)[];
}

/**
 * The mapping step's reading of a file (issue 13): parsed in memory with the import's own readers and limits, so it
 * fails with the same French messages; nothing is stored, queued or audited, and only the uploader sees the rows.
 */
@Injectable()
export class SubmissionInspectService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async inspect(file: UploadedFigureFile | undefined): Promise<FileInspectionResponse> {
    if (!file) throw new BadRequestException('Envoyez le fichier à lire dans le champ multipart « file ».');
    const read = await inspectFigureFile({
      bytes: file.buffer,
      filename: file.originalname,
      mimeType: file.mimetype,
      xlsxLimits: { maxUncompressedBytes: this.config.xlsxMaxUncompressedBytes, maxCells: this.config.importMaxCells },
    });
    if (!read.ok) throw new BadRequestException({ detail: read.error.message, errors: [read.error.message] });
    return { fileName: file.originalname.slice(0, 255) || null, format: read.format, sheets: read.sheets };
  }
}
