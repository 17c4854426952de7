import { makeStyles, Text, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  logo: {
    display: 'grid',
    placeItems: 'center',
    width: '24px',
    height: '24px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightBold,
    fontSize: tokens.fontSizeBase200,
  },
});

/** The product mark and name, as in the top bar. */
export function Brand({ name }: { name: string }) {
  const styles = useStyles();
  return (
    <span className={styles.root}>
      <span className={styles.logo} aria-hidden>
        P
      </span>
      <Text weight="semibold" size={400}>
        {name}
      </Text>
    </span>
  );
}
