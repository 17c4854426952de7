import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

const useStyles = makeStyles({ root: { marginBlockEnd: tokens.spacingVerticalL, marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalM})` } });

/** Under the customer page's header: Overview | Users, each its own address. Strings: customerUsers.tabs (both pages load them). */
export function CustomerTabs({ customerId, selected }: { customerId: string; selected: 'overview' | 'users' }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <TabList
      className={styles.root}
      selectedValue={selected}
      aria-label={t('customerUsers.tabs.label')}
      onTabSelect={(_event, data) => void navigate(data.value === 'users' ? `/customers/${customerId}/users` : `/customers/${customerId}`)}
    >
      <Tab value="overview">{t('customerUsers.tabs.overview')}</Tab>
      <Tab value="users">{t('customerUsers.tabs.users')}</Tab>
    </TabList>
  );
}
