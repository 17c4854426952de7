import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormatters } from '../../../app/format.ts';
import { useDrafts } from '../api/get-drafts.ts';

const useStyles = makeStyles({
  notice: { marginBlockEnd: tokens.spacingVerticalL },
});

/** On a fresh wizard: the unfinished ones, to pick up where they were left. */
export function ResumeDrafts() {
  const styles = useStyles();
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const drafts = useDrafts(true);
  const latest = drafts.data?.[0];
  if (drafts.data === undefined || latest === undefined) return null;
  const name = latest.summary.companyName ?? latest.summary.domain ?? t('onboarding.resume.untitled');
  return (
    <MessageBar intent="info" layout="multiline" className={styles.notice}>
      <MessageBarBody>
        <MessageBarTitle>{t('onboarding.resume.title', { count: drafts.data.length })}</MessageBarTitle>
        {t('onboarding.resume.body', { name, when: format.dateTime(latest.updatedAt) })}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={() => void navigate(`/customers/new/${latest.step}?draft=${encodeURIComponent(latest.id)}`)}>{t('onboarding.resume.action')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
