import { BadRequestException } from '@nestjs/common';
import { stringList } from '../platform/http/list-query';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `id` filter of a react-admin `getMany`: UUIDs only (anything else matches nothing, so it is refused early). */
export const uuidList = (filter: Record<string, unknown>, key = 'id'): string[] | undefined => {
  const ids = stringList(filter, key);
  if (ids && !ids.every((id) => UUID.test(id))) throw new BadRequestException(`Le filtre ${key} doit lister des identifiants (UUID).`);
  return ids;
};

/** A filter restricted to known values. */
export const enumList = (filter: Record<string, unknown>, key: string, allowed: readonly string[]): string[] | undefined => {
  const values = stringList(filter, key);
  if (values && !values.every((v) => allowed.includes(v))) throw new BadRequestException(`Le filtre ${key} accepte : ${allowed.join(', ')}.`);
  return values;
};
