import { describe, expect, it } from 'vitest';
import { oddCharacter, unstorableText } from './text.ts';

describe('unstorableText', () => {
  it('names a NUL and a lone surrogate (either half, anywhere)', () => {
    expect(unstorableText('a\u0000b')).toMatch(/NUL/);
    for (const value of ['\ud800', 'x\ud800', '\udfffx', '\ude00\ud83d', 'a\ud83d\ude00\ud800']) expect(unstorableText(value), JSON.stringify(value)).toMatch(/lone surrogate/);
  });

  it('lets through text PostgreSQL stores, pairs (emoji) included', () => {
    for (const value of ['', 'Contoso', 'Smile \u{1F600}', '臺北 𠀀', 'ä'.repeat(100)]) expect(unstorableText(value)).toBeUndefined();
  });
});

describe('oddCharacter (issue 8)', () => {
  const codeOf = (value: string, kind?: 'line' | 'multiline' | 'code') => oddCharacter(value, kind)?.code;

  it('refuses bidi embeddings, overrides and isolates anywhere', () => {
    for (const char of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(codeOf(`Contoso${char}Ltd`), char).toBe('text_bidi_control');
    }
    expect(oddCharacter('invoice\u202Efdp.exe')).toEqual({ code: 'text_bidi_control', codePoint: 'U+202E', name: 'RIGHT-TO-LEFT OVERRIDE' });
  });

  it('refuses zero-width and other invisible characters', () => {
    for (const char of ['\u200B', '\u2060', '\uFEFF', '\u00AD', '\u2062', '\u3164', '\u{E0041}', '\uFFF9']) {
      expect(codeOf(`Con${char}toso`), char).toBe('text_invisible_character');
    }
    expect(oddCharacter('Con\u200Btoso')).toMatchObject({ codePoint: 'U+200B', name: 'ZERO WIDTH SPACE' });
  });

  it('refuses control characters and, in one-line fields, line breaks; keeps TAB as whitespace', () => {
    for (const char of ['\u0001', '\u0007', '\u001B', '\u007F', '\u0080', '\u009B']) expect(codeOf(`a${char}b`), JSON.stringify(char)).toBe('text_control_character');
    for (const char of ['\n', '\r', '\r\n', '\v', '\f', '\u0085', '\u2028', '\u2029']) expect(codeOf(`1 Main St${char}Suite 2`), JSON.stringify(char)).toBe('text_line_break');
    expect(codeOf('line one\nline two', 'multiline')).toBeUndefined();
    expect(codeOf('a\tb')).toBeUndefined();
    // The ends are trimmed before storing: a pasted trailing newline or BOM is not a mistake to refuse.
    expect(codeOf('\uFEFFContoso\r\n')).toBeUndefined();
  });

  it('allows what real names need: joiners inside words, direction marks, variation selectors, emoji sequences', () => {
    for (const value of [
      'می\u200Cخواهم', // Persian: ZWNJ between letters
      'क्\u200Dष', // Devanagari: ZWJ after virama
      'ශ්\u200Dරී', // Sinhala: ZWJ between letter and mark
      'שלום\u200F Ltd', // Hebrew with an RLM
      '葛\u{E0100}飾区', // an ideographic variation sequence
      'Team \u{1F469}\u200D\u{1F4BB}', // woman technologist
      'Café \u2764\uFE0F\u200D\u{1F525}', // VS16 before ZWJ
      'Smile \u{1F600}', 'José', "O'Brien", '王小明', 'Müller-Lüdenscheidt',
    ]) {
      expect(oddCharacter(value), value).toBeUndefined();
    }
  });

  it('refuses joiners that join nothing, and every invisible character in codes (email, domain, phone)', () => {
    for (const value of ['\u200DContoso', 'Contoso\u200C', 'Con \u200D toso', '12\u200C34', '\uFE0FContoso']) expect(codeOf(value), JSON.stringify(value)).toBe('text_invisible_character');
    for (const value of ['dana\u200D@contoso.com', 'می\u200Cخواهم', '+1 425\u200E555 0100']) expect(codeOf(value, 'code'), JSON.stringify(value)).toBe('text_invisible_character');
  });
});
