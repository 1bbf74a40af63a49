import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

const NUL = '\u0000';

/**
 * The path (`figures[0].comment`) of the first text, or object key, that holds a NUL byte (U+0000), or null. PostgreSQL
 * refuses U+0000 in `text`/`jsonb`, so such a value would end in a 500 far from its cause. Walks without recursion.
 */
export const findNulByte = (value: unknown, root = ''): string | null => {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      if (node.includes(NUL)) return path;
      continue;
    }
    if (node === null || typeof node !== 'object' || Buffer.isBuffer(node) || ArrayBuffer.isView(node)) continue;
    if (Array.isArray(node)) {
      node.forEach((child: unknown, i) => stack.push([child, `${path}[${i}]`]));
      continue;
    }
    for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
      const childPath = path === '' ? key : `${path}.${key}`;
      if (key.includes(NUL)) return childPath.replace(NUL, '\\u0000');
      stack.push([child, childPath]);
    }
  }
  return null;
};

/** The French refusal of a value holding a NUL byte, naming where it is. */
export const nulByteMessage = (where: string): string =>
  `${where} contient un caractère nul (\\u0000), qu’aucun texte ne peut contenir : retirez-le puis renvoyez la requête.`;

const WHERE: Partial<Record<ArgumentMetadata['type'], (path: string) => string>> = {
  body: (path) => (path === '' ? 'Le corps de la requête' : `Le champ « ${path} »`),
  query: (path) => (path === '' ? 'Un paramètre de l’adresse' : `Le paramètre « ${path} »`),
  param: (path) => (path === '' ? 'Un segment de l’adresse' : `Le segment d’adresse « ${path} »`),
};

/**
 * Global pipe (before validation): a NUL byte in any text of a body, query string or path parameter is a 400 with a
 * French message naming the field, on every route. List filters, which arrive as JSON text, are checked once parsed
 * (`parseListQuery`).
 */
@Injectable()
export class RejectNulBytesPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const where = WHERE[metadata.type];
    if (where === undefined) return value;
    const path = findNulByte(value, metadata.data ?? '');
    if (path !== null) throw new BadRequestException(nulByteMessage(where(path)));
    return value;
  }
}
