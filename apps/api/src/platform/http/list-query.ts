import { BadRequestException } from '@nestjs/common';
import type { Response } from 'express';
import { findNulByte, nulByteMessage } from './nul-bytes';

/**
 * react-admin `ra-data-simple-rest` list conventions: `sort=["field","ASC"]`, `range=[0,24]` (inclusive),
 * `filter={"field":value}`, and the answer's `Content-Range: <resource> <start>-<end>/<total>` header.
 */
export interface ListQuery<F extends string = string> {
  sort: { field: F; order: 'ASC' | 'DESC' };
  offset: number;
  limit: number;
  filter: Record<string, unknown>;
}

export interface RawListQuery {
  sort?: string;
  range?: string;
  filter?: string;
}

const parseJson = (name: string, raw: string, example: string): unknown => {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new BadRequestException(`Le paramètre ${name} n’est pas un JSON valide : écrivez-le par exemple ${example}.`);
  }
};

export const parseListQuery = <F extends string>(
  raw: RawListQuery,
  options: { sortable: readonly F[]; defaultSort: { field: F; order: 'ASC' | 'DESC' }; maxPage?: number },
): ListQuery<F> => {
  const maxPage = options.maxPage ?? 1000;
  let sort = options.defaultSort;
  if (raw.sort !== undefined && raw.sort !== '') {
    const parsed = parseJson('sort', raw.sort, '["period","DESC"]');
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') {
      throw new BadRequestException('Le paramètre sort doit être de la forme ["champ","ASC"] ou ["champ","DESC"].');
    }
    const [field, order] = parsed as [string, string];
    if (!(options.sortable as readonly string[]).includes(field)) {
      throw new BadRequestException(`Tri impossible sur « ${field} » : champs triables : ${options.sortable.join(', ')}.`);
    }
    const upper = order.toUpperCase();
    if (upper !== 'ASC' && upper !== 'DESC') throw new BadRequestException('L’ordre de tri doit valoir ASC ou DESC.');
    sort = { field: field as F, order: upper };
  }
  let offset = 0;
  let limit = Math.min(25, maxPage);
  if (raw.range !== undefined && raw.range !== '') {
    const parsed = parseJson('range', raw.range, '[0,24]');
    if (
      !Array.isArray(parsed) ||
      parsed.length !== 2 ||
      !parsed.every((n) => Number.isInteger(n) && (n as number) >= 0) ||
      (parsed[1] as number) < (parsed[0] as number)
    ) {
      throw new BadRequestException('Le paramètre range doit être de la forme [début,fin], deux entiers positifs avec début ≤ fin.');
    }
    const [start, end] = parsed as [number, number];
    if (end - start + 1 > maxPage) throw new BadRequestException(`Une page compte au plus ${maxPage} éléments : réduisez l’intervalle range.`);
    offset = start;
    limit = end - start + 1;
  }
  let filter: Record<string, unknown> = {};
  if (raw.filter !== undefined && raw.filter !== '') {
    const parsed = parseJson('filter', raw.filter, '{"period":"2024-03"}');
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new BadRequestException('Le paramètre filter doit être un objet JSON, par exemple {"period":"2024-03"}.');
    }
    filter = parsed as Record<string, unknown>;
    const nul = findNulByte(filter);
    if (nul !== null) throw new BadRequestException(nulByteMessage(`Le filtre « ${nul} »`));
  }
  return { sort, offset, limit, filter };
};

/** Sets `Content-Range` for a page of `count` items out of `total`. */
export const setContentRange = (res: Response, resource: string, offset: number, count: number, total: number): void => {
  const end = count === 0 ? offset : offset + count - 1;
  res.setHeader('Content-Range', `${resource} ${offset}-${end}/${total}`);
};

/** A filter value that may be one string or a list of strings (`"2024-03"` or `["2024-03","2024-04"]`). */
export const stringList = (filter: Record<string, unknown>, key: string, maxLength = 200): string[] | undefined => {
  const value = filter[key];
  if (value === undefined || value === null || value === '') return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((v): v is string | number => (typeof v === 'string' && v.length <= maxLength) || typeof v === 'number') || list.length > 1000) {
    throw new BadRequestException(`Le filtre ${key} doit être un texte ou une liste de textes.`);
  }
  return list.map(String);
};
