import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'inline-grid',
    placeItems: 'center',
    width: '28px',
    height: '28px',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: 1,
  },
});

/** "Ada Lovelace" → "AL"; a name without spaces (陳大文) → its first character. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const initial = (word: string | undefined) => (word === undefined ? '' : (Array.from(word)[0] ?? '').toUpperCase());
  const initials = initial(words[0]) + (words.length > 1 ? initial(words.at(-1)) : '');
  return initials === '' ? '?' : initials;
}

/**
 * The user's initials in a circle. Fluent's Avatar would do, but it brings every presence badge icon
 * into the first download.
 */
export function Initials({ name }: { name: string }) {
  const styles = useStyles();
  return (
    <span className={styles.root} aria-hidden>
      {initialsOf(name)}
    </span>
  );
}
