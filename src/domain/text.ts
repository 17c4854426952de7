/** Small text helpers shared by the rules: trimming, whitespace, and loose matching keys. */

/** Trims and collapses every run of whitespace (including tabs and no-break spaces) to one space. */
export function collapseSpaces(value: string): string {
  return value.trim().replace(/\s+/gu, ' ');
}

/** Treats `undefined`, `null` and blank strings alike: the field was not given. */
export function isBlank(value: string | null | undefined): value is null | undefined | '' {
  return value === undefined || value === null || value.trim() === '';
}

/** The collapsed value, or undefined when blank. */
export function cleanOptional(value: string | null | undefined): string | undefined {
  return isBlank(value) ? undefined : collapseSpaces(value);
}

/**
 * A key for loose matching of names typed by people: case, accents, punctuation and spacing are
 * ignored, so `Québec`, `quebec` and ` QUE-BEC ` meet. Letters of any script are kept.
 */
export function matchKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A UTF-16 surrogate without its partner: no UTF-8 encoding exists (PostgreSQL jsonb refuses it, text replaces it). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why PostgreSQL cannot store this text, as a sentence to show, or undefined when it can: a NUL
 * character (text cannot hold one) or a lone surrogate (such as the JSON escape \ud800 alone).
 */
export function unstorableText(value: string): string | undefined {
  if (value.includes('\u0000')) return 'Remove the NUL character (\\u0000): text may not contain it.';
  if (LONE_SURROGATE.test(value)) return 'Remove the lone surrogate (such as \\ud800 without its pair): it is not a character, and text may not contain it.';
  return undefined;
}

/**
 * Characters that have no place in a name, an address or a code, found so that they are refused
 * with a sentence instead of stored unseen (issue 8). The rule, by class:
 *
 * - Line breaks (CR, LF, VT, FF, NEL, U+2028, U+2029) in a single-line field: a paste of two lines. TAB
 *   is whitespace and is collapsed to a space like any other.
 * - Other control characters (Cc: C0 but TAB, DEL, C1): never text.
 * - Explicit bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they
 *   make text display in another order than it is stored ("Trojan Source", CVE-2021-42574; UAX #9
 *   §2.1–2.4, UTR #36 §2.3). The implicit marks LRM, RLM and ALM (U+200E, U+200F, U+061C) can only
 *   settle the direction of neutral characters next to them (UAX #9 §2.6) and Hebrew and Arabic
 *   keyboards type them: allowed in names, not in codes.
 * - Zero-width non-joiner and joiner (U+200C, U+200D) are spelling in Persian (می‌خواهم), in Indic
 *   scripts and in Sinhala (UAX #31 §2.3, contexts A1, A2, B): allowed in names between two letters or
 *   marks, and ZWJ between emoji (emoji ZWJ sequences); elsewhere they are invisible.
 * - Variation selectors (U+FE00–U+FE0F, U+E0100–U+E01EF: ideographic variants of a CJK name, emoji
 *   presentation), Mongolian free variation selectors (U+180B–U+180F) and the combining grapheme joiner
 *   (U+034F) after a letter, mark or symbol they apply to: allowed in names.
 * - Every other default-ignorable or format character (UTS #39 §3.1 keeps Default_Ignorable_Code_Point
 *   out of identifiers; UTR #36 §2.4): zero width space U+200B, word joiner U+2060, BOM U+FEFF, soft
 *   hyphen U+00AD, invisible operators U+2061–U+2064, Hangul fillers, tag characters U+E0000–U+E007F,
 *   interlinear annotation U+FFF9–U+FFFB...: invisible, so a name holding one differs from the same
 *   name typed, for search and duplicates alike.
 *
 * `code` fields (email, domain, phone, postal and registration numbers) take none of the exceptions;
 * `multiline` fields (free text such as an eligibility's details) take line breaks.
 */
export type TextKind = 'line' | 'multiline' | 'code';

export type OddCharacterCode = 'text_line_break' | 'text_control_character' | 'text_bidi_control' | 'text_invisible_character';

export interface OddCharacter {
  code: OddCharacterCode;
  /** `U+200B` */
  codePoint: string;
  /** Its Unicode name where we know it, for the message. */
  name: string | undefined;
}

const LINE_BREAK = /[\n\v\f\r\u0085\u2028\u2029]/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const IMPLICIT_DIRECTION_MARK = /[\u061C\u200E\u200F]/u;
const JOINER = /[\u200C\u200D]/u;
const SELECTOR = /[\u034F\u180B-\u180F\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const EMOJI = /\p{Extended_Pictographic}/u;
/** What may stand before the ZWJ of an emoji sequence: the emoji, its skin tone, its presentation selector. */
const EMOJI_END = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]/u;
const SELECTABLE = /[\p{L}\p{M}\p{N}\p{S}\p{Extended_Pictographic}]/u;

const NAMES: Record<number, string> = {
  0x0a: 'LINE FEED', 0x0d: 'CARRIAGE RETURN', 0x2028: 'LINE SEPARATOR', 0x2029: 'PARAGRAPH SEPARATOR',
  0x00ad: 'SOFT HYPHEN', 0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK', 0x2060: 'WORD JOINER', 0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE',
};

/** The first character of `value` (trimmed: ends are whitespace to drop) that has no place in a `kind` field. */
export function oddCharacter(value: string, kind: TextKind = 'line'): OddCharacter | undefined {
  const chars = [...value.trim()];
  for (const [index, char] of chars.entries()) {
    const code = classify(char, chars[index - 1], chars[index + 1], kind);
    if (code) {
      const point = char.codePointAt(0)!;
      return { code, codePoint: `U+${point.toString(16).toUpperCase().padStart(4, '0')}`, name: NAMES[point] };
    }
  }
  return undefined;
}

function classify(char: string, before: string | undefined, after: string | undefined, kind: TextKind): OddCharacterCode | undefined {
  if (LINE_BREAK.test(char)) return kind === 'multiline' ? undefined : 'text_line_break';
  if (char === '\t') return undefined;
  if (/\p{Cc}/u.test(char)) return 'text_control_character';
  if (BIDI_CONTROL.test(char)) return 'text_bidi_control';
  if (!INVISIBLE.test(char) && !SELECTOR.test(char)) return undefined;
  if (kind !== 'code') {
    if (IMPLICIT_DIRECTION_MARK.test(char)) return undefined;
    const joins = before !== undefined && after !== undefined && ((LETTER_OR_MARK.test(before) && LETTER_OR_MARK.test(after)) || (char === '\u200D' && EMOJI_END.test(before) && EMOJI.test(after)));
    if (JOINER.test(char) && joins) return undefined;
    if (SELECTOR.test(char) && before !== undefined && (SELECTABLE.test(before) || SELECTOR.test(before))) return undefined;
  }
  return 'text_invisible_character';
}
