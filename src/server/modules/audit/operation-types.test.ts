/**
 * `auditOperationTypes` (src/contracts/audit.ts) is what the Activity log offers and what the API's
 * OperationType filter accepts: it must hold every operation type the server writes. This reads the
 * server's source with the TypeScript parser and finds every `operationType:` and every insert into
 * `audit_records`, so a new writer cannot slip past the list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { auditOperationTypes } from '#contracts/audit.ts';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));
const auditDir = fileURLToPath(new URL('.', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

interface Found {
  /** The literal operation types written. */
  literals: { type: string; at: string }[];
  /** `operationType:` given something other than a string literal (it could be anything). */
  computed: string[];
  /** Inserts into audit_records outside the audit module's repository. */
  rawInserts: string[];
}

function scan(): Found {
  const found: Found = { literals: [], computed: [], rawInserts: [] };
  for (const file of sourceFiles(serverDir)) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const at = (node: ts.Node) => `${relative(serverDir, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const inAuditModule = file.startsWith(auditDir);
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAssignment(node) && node.name.getText(source) === 'operationType' && !inAuditModule) {
        if (ts.isStringLiteral(node.initializer) || ts.isNoSubstitutionTemplateLiteral(node.initializer)) found.literals.push({ type: node.initializer.text, at: at(node) });
        else found.computed.push(at(node));
      }
      if (ts.isShorthandPropertyAssignment(node) && node.name.text === 'operationType' && !inAuditModule) found.computed.push(at(node));
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'insertInto' &&
        node.arguments[0] !== undefined &&
        ts.isStringLiteral(node.arguments[0]) &&
        node.arguments[0].text === 'audit_records' &&
        file !== join(auditDir, 'repository.ts')
      )
        found.rawInserts.push(at(node));
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('auditOperationTypes', () => {
  const found = scan();

  it('finds the writers (the scan itself works)', () => {
    // The modules known to write audit records today; the scan must see at least these.
    const files = new Set(found.literals.map(({ at }) => at.split('/')[1]));
    for (const module of ['customers', 'orders', 'agreements', 'onboarding', 'relationships', 'tenant']) expect(files, module).toContain(module);
  });

  it('holds every operation type the server writes', () => {
    const listed = new Set<string>(auditOperationTypes);
    expect(found.literals.filter(({ type }) => !listed.has(type)).map(({ type, at }) => `${type} (${at})`)).toEqual([]);
  });

  it('sees every operation type as written: no computed operationType, no insert around recordAudit', () => {
    expect(found.computed).toEqual([]);
    expect(found.rawInserts).toEqual([]);
  });

  it('spells them as the model system does (snake_case), each once', () => {
    for (const type of auditOperationTypes) expect(type).toMatch(/^[a-z]+(_[a-z]+)+$/);
    expect(new Set(auditOperationTypes).size).toBe(auditOperationTypes.length);
  });
});
