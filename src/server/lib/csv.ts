/**
 * CSV as RFC 4180 writes it: CRLF line ends, a field in double quotes when it holds a comma, a quote
 * or a line break, and a quote inside doubled.
 *
 * A spreadsheet runs a cell that begins with = + - @ (or a tab or carriage return) as a formula, so a
 * company named `=HYPERLINK(...)` could act on the computer of whoever opens the export (OWASP, "CSV
 * injection": https://owasp.org/www-community/attacks/CSV_Injection). Such a cell gets a leading `'`,
 * which makes it text.
 */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, with its CRLF. */
export function csvRow(values: readonly (string | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
