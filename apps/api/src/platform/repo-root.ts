import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository (or image) root: the nearest folder above this file whose package.json is Levier's, from source or from dist. */
export const repoRoot = (from: string = __dirname): string => {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'levier') return dir;
  }
  throw new Error('Racine du dépôt Levier introuvable');
};
