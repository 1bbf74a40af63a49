import { HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';

/** 429 for an address that must wait (progressive login delay), the same words for an address with or without an account. */
export class TooManyAttemptsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      `Trop de tentatives pour cette adresse : réessayez dans ${retryAfterSeconds} seconde${retryAfterSeconds > 1 ? 's' : ''}.`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/** Runs `work`; a TooManyAttemptsException sets `Retry-After` on the response before going on to the problem filter. */
export const withRetryAfter = async <T>(res: Response, work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (err) {
    if (err instanceof TooManyAttemptsException) res.setHeader('Retry-After', String(err.retryAfterSeconds));
    throw err;
  }
};
