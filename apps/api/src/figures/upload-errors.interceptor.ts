import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  HttpException,
  Inject,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { Observable, catchError, throwError } from 'rxjs';
import { APP_CONFIG } from '../platform/config/config.module';
import { AppConfig } from '../platform/config/app-config';

/** Multer's English errors (from Nest's FileInterceptor, placed after this one) → French, actionable problem details. */
@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((err: unknown) => throwError(() => this.translate(err))));
  }

  private translate(err: unknown): unknown {
    if (!(err instanceof HttpException)) return err;
    const message = err.message;
    if (err.getStatus() === 413 || message === 'File too large') {
      const mb = (this.config.uploadMaxBytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
      return new PayloadTooLargeException(`Le fichier dépasse la taille maximale de ${mb} Mo : découpez-le en plusieurs fichiers.`);
    }
    if (['Unexpected file field', 'Too many files', 'Too many parts', 'Too many fields'].includes(message)) {
      return new BadRequestException('Envoyez un seul fichier, dans le champ multipart « file ».');
    }
    if (/Multipart|part header|end of form|end of file|Unsupported content type/i.test(message)) {
      return new BadRequestException('Envoi multipart illisible : renvoyez le fichier dans le champ « file » d’un formulaire multipart/form-data.');
    }
    return err;
  }
}
