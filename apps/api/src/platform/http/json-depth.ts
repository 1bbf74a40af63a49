import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** Deepest nesting of objects and arrays a JSON body may have; the deepest DTO of the API is 3 levels. */
export const MAX_JSON_DEPTH = 32;

/** Nesting depth of a parsed JSON value, measured without recursion (a hostile body cannot overflow the stack here). */
export const jsonDepth = (value: unknown, stopAt = Number.POSITIVE_INFINITY): number => {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > stopAt) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node as Record<string, unknown>)) stack.push([child, here]);
  }
  return deepest;
};

/**
 * After the JSON body parser: a body nested deeper than MAX_JSON_DEPTH is a 400. Without it, a few kB of `{"a":{"a":…}}`
 * reached class-transformer and class-validator, which recurse, and the request ended in a 500 (stack overflow).
 */
export const rejectDeepJson = (req: Request, _res: Response, next: NextFunction): void => {
  const body: unknown = req.body;
  if (body !== null && typeof body === 'object' && jsonDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    next(new BadRequestException(`Le corps JSON est imbriqué sur plus de ${MAX_JSON_DEPTH} niveaux : aplatissez-le.`));
    return;
  }
  next();
};
