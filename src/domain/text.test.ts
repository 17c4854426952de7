import { describe, expect, it } from 'vitest';
import { unstorableText } from './text.ts';

describe('unstorableText', () => {
  it('names a NUL and a lone surrogate (either half, anywhere)', () => {
    expect(unstorableText('a\u0000b')).toMatch(/NUL/);
    for (const value of ['\ud800', 'x\ud800', '\udfffx', '\ude00\ud83d', 'a\ud83d\ude00\ud800']) expect(unstorableText(value), JSON.stringify(value)).toMatch(/lone surrogate/);
  });

  it('lets through text PostgreSQL stores, pairs (emoji) included', () => {
    for (const value of ['', 'Contoso', 'Smile \u{1F600}', '臺北 𠀀', 'ä'.repeat(100)]) expect(unstorableText(value)).toBeUndefined();
  });
});
