import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** `Promise<X>` → `X`; other texts unchanged. */
const unwrapPromise = (text: string): string => text.replace(/^Promise<([\s\S]*)>$/, '$1').trim();

const controllerFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return controllerFiles(path);
    return entry.name.endsWith('.controller.ts') ? [path] : [];
  });

/**
 * The response type each controller method declares (`summary(…): Promise<IndicatorSummary>` → `IndicatorSummary`),
 * read from the sources with the TypeScript parser (no type checking, so it runs in a second): controller class name →
 * method name → type text. A method without a declared return type is absent.
 */
export const declaredResponses = (sourceRoot: string): Map<string, Map<string, string>> => {
  const out = new Map<string, Map<string, string>>();
  for (const file of controllerFiles(sourceRoot).sort()) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    for (const statement of source.statements) {
      if (!ts.isClassDeclaration(statement) || statement.name === undefined) continue;
      const methods = new Map<string, string>();
      for (const member of statement.members) {
        if (!ts.isMethodDeclaration(member) || member.type === undefined || !ts.isIdentifier(member.name)) continue;
        methods.set(member.name.text, unwrapPromise(member.type.getText(source).replace(/\s+/g, ' ')));
      }
      out.set(statement.name.text, methods);
    }
  }
  return out;
};
