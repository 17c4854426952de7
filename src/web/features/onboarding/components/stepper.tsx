import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { Checkmark16Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { STEPS, type Step } from '../wizard-form.ts';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    marginBlockEnd: tokens.spacingVerticalL,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXL,
  },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  current: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '24px',
    height: '24px',
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase200,
  },
  badgeCurrent: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand, border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}` },
  badgeDone: { backgroundColor: tokens.colorNeutralBackground3 },
});

/** Where the wizard is: the three steps, the current one marked for screen readers too. */
export function Stepper({ current }: { current: Step }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const currentIndex = STEPS.indexOf(current);
  return (
    <nav aria-label={t('onboarding.stepsLabel')}>
      <ol className={styles.list}>
        {STEPS.map((step, index) => {
          const isCurrent = step === current;
          const done = index < currentIndex;
          return (
            <li key={step} className={mergeClasses(styles.item, isCurrent && styles.current)} aria-current={isCurrent ? 'step' : undefined}>
              <span className={mergeClasses(styles.badge, isCurrent && styles.badgeCurrent, done && styles.badgeDone)} aria-hidden>
                {done ? <Checkmark16Regular /> : index + 1}
              </span>
              <Text weight={isCurrent ? 'semibold' : 'regular'}>{t(`onboarding.steps.${step}`)}</Text>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
