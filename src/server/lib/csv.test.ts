import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv.ts';

describe('csvCell', () => {
  it('leaves plain text as it is, and writes null as an empty field', () => {
    expect(csvCell('Northwind Traders')).toBe('Northwind Traders');
    expect(csvCell('')).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('quotes a field with a comma, a quote or a line break, doubling the quotes (RFC 4180)', () => {
    expect(csvCell('Contoso, Ltd')).toBe('"Contoso, Ltd"');
    expect(csvCell('The "Best" Bakery')).toBe('"The ""Best"" Bakery"');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });

  it('makes a cell that a spreadsheet would run as a formula text', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(csvCell('+1+2')).toBe("'+1+2");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe('"\'\rcmd"');
    // Only at the start: inside a name these characters are harmless.
    expect(csvCell('Fabrikam-Contoso = Partners')).toBe('Fabrikam-Contoso = Partners');
  });
});

describe('csvRow', () => {
  it('joins the fields with commas and ends with CRLF', () => {
    expect(csvRow(['a', 'b,c', null])).toBe('a,"b,c",\r\n');
  });
});
