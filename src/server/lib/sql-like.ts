/** A value for SQL `like`, its wildcards (and the escape character) taken literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
