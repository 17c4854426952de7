import { describe, expect, it } from 'vitest';
import { checkPersonName, validatePersonName } from './person-name.ts';

const codes = (input: string | null | undefined) => validatePersonName(input, 'first').map((e) => e.code);

describe('checkPersonName', () => {
  it.each(['Ann', 'José', "O'Brien", 'Jean-Luc', '王', '小明', 'Nguyễn Văn', 'Li', 'X Æ A-12', 'Ab'.repeat(25)])('accepts %j', (input) => {
    expect(validatePersonName(input, 'first')).toEqual([]);
  });

  it('stores the name trimmed with spaces collapsed', () => {
    expect(checkPersonName('  Mary   Ann ', 'first')).toEqual({ ok: true, value: 'Mary Ann' });
  });

  it.each(['', ' ', null, undefined])('requires a name (%j)', (input) => {
    expect(codes(input)).toEqual(['name_required']);
  });

  it('refuses more than 50 characters', () => {
    expect(codes('a'.repeat(51))).toEqual(['name_too_long']);
  });

  it.each(['123', '42', '---', '!!', '1-2', '.'])('refuses only digits or symbols (%j)', (input) => {
    expect(codes(input)).toEqual(['name_digits_or_symbols_only']);
  });

  it.each(['test', 'Test', 'TEST', 'admin', 'Administrator', 'nobody', 'none', 'null', 'N/A', 'n.a.', 'NA', 'unknown', 'xxx', 'Xxxx', 'asdf', 'Test-User', 'aaa', 'firstname'])(
    'refuses the placeholder %j',
    (input) => {
      expect(codes(input)).toEqual(['name_placeholder']);
    },
  );

  it('names the field and the part in the message', () => {
    expect(validatePersonName('', 'last')).toEqual([{ field: 'lastName', code: 'name_required', message: 'Enter the last name.' }]);
    expect(validatePersonName('test', 'first', 'signer.firstName')[0]).toEqual({
      field: 'signer.firstName',
      code: 'name_placeholder',
      message: '"test" looks like a placeholder; enter the person\'s real first name.',
    });
  });
});
