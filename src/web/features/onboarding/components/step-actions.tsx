import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { ArrowLeft20Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    marginBlockStart: tokens.spacingVerticalL,
  },
  spacer: { flexGrow: 1 },
});

/** The buttons under a step: Back, the primary action, Cancel. */
export function StepActions({
  onBack,
  primary,
  busy,
  busyLabel,
  onPrimary,
  primaryDisabled,
  onCancel,
  extra,
}: {
  onBack?: () => void;
  primary: string;
  busy?: boolean;
  busyLabel?: string;
  onPrimary: () => void;
  primaryDisabled?: boolean;
  onCancel: () => void;
  extra?: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.bar}>
      <Button appearance="primary" onClick={onPrimary} disabled={(busy ?? false) || (primaryDisabled ?? false)} icon={busy ? <Spinner size="tiny" /> : undefined}>
        {busy ? (busyLabel ?? primary) : primary}
      </Button>
      {onBack ? (
        <Button icon={<ArrowLeft20Regular />} onClick={onBack}>
          {t('onboarding.actions.back')}
        </Button>
      ) : null}
      {extra}
      <span className={styles.spacer} />
      <Button appearance="subtle" onClick={onCancel}>
        {t('onboarding.actions.cancel')}
      </Button>
    </div>
  );
}
