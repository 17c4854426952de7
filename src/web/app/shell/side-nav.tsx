import { makeStyles, mergeClasses, NavDrawer, NavDrawerBody, NavDrawerHeader, NavItem, shorthands, tokens } from '@fluentui/react-components';
import {
  BuildingMultiple20Filled,
  BuildingMultiple20Regular,
  bundleIcon,
  History20Filled,
  History20Regular,
  People20Filled,
  People20Regular,
  Person20Filled,
  Person20Regular,
  Settings20Filled,
  Settings20Regular,
} from '@fluentui/react-icons';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../session.tsx';
import { Brand } from '../ui/brand.tsx';
import { TOP_BAR_HEIGHT } from './layout.ts';

const CustomersIcon = bundleIcon(People20Filled, People20Regular);
const ResellersIcon = bundleIcon(BuildingMultiple20Filled, BuildingMultiple20Regular);
const ActivityLogIcon = bundleIcon(History20Filled, History20Regular);
const AccountIcon = bundleIcon(Person20Filled, Person20Regular);
const SettingsIcon = bundleIcon(Settings20Filled, Settings20Regular);

const useStyles = makeStyles({
  drawer: { height: '100%', width: '260px', ...shorthands.borderRight(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2) },
  // Beside the page: below the top bar, in view while the page scrolls (its column draws the border).
  inline: { position: 'sticky', insetBlockStart: TOP_BAR_HEIGHT, height: `calc(100vh - ${TOP_BAR_HEIGHT})`, borderRightStyle: 'none' },
  header: { paddingBlock: tokens.spacingVerticalM, paddingInline: tokens.spacingHorizontalL },
  body: { paddingBlockStart: tokens.spacingVerticalM },
});

/** The left navigation: beside the page on a wide screen, a drawer behind the menu button on a narrow one. */
export function SideNav({ type, open, onOpenChange }: { type: 'inline' | 'overlay'; open: boolean; onOpenChange: (open: boolean) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();

  const items = [
    { to: '/customers', label: t('shell.nav.customers'), Icon: CustomersIcon },
    ...(user.partner.kind === 'indirect_provider' ? [{ to: '/resellers', label: t('shell.nav.resellers'), Icon: ResellersIcon }] : []),
    ...(user.actions.includes('audit.view') ? [{ to: '/activity-log', label: t('shell.nav.activityLog'), Icon: ActivityLogIcon }] : []),
    // Settings → Users: the organisation's team, for global admins only.
    ...(user.actions.includes('users.manage') ? [{ to: '/settings/users', label: t('shell.nav.settings'), Icon: SettingsIcon }] : []),
    { to: '/account', label: t('shell.nav.account'), Icon: AccountIcon },
  ];
  const selected = items.find((item) => location.pathname === item.to || location.pathname.startsWith(`${item.to}/`))?.to;

  // Real links (open in a new tab works); a plain click stays in the app.
  const follow = (to: string) => (event: MouseEvent<HTMLAnchorElement | HTMLButtonElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate(to);
    if (type === 'overlay') onOpenChange(false);
  };

  const links = items.map(({ to, label, Icon }) => (
    <NavItem key={to} href={to} value={to} icon={<Icon />} onClick={follow(to)}>
      {label}
    </NavItem>
  ));

  // NavDrawer always says role="navigation"; as an overlay it is also a modal dialog (aria-modal),
  // which a navigation role may not be. Then the drawer is the dialog and a <nav> inside holds the links.
  return type === 'inline' ? (
    // Always open beside the page: no entrance motion on every page load.
    <NavDrawer type="inline" open surfaceMotion={null} selectedValue={selected ?? ''} aria-label={t('shell.navigation')} className={mergeClasses(styles.drawer, styles.inline)} size="small">
      <NavDrawerBody className={styles.body}>{links}</NavDrawerBody>
    </NavDrawer>
  ) : (
    <NavDrawer
      type="overlay"
      open={open}
      onOpenChange={(_event, data) => onOpenChange(data.open)}
      selectedValue={selected ?? ''}
      role="dialog"
      aria-label={t('shell.navigation')}
      className={styles.drawer}
      size="small"
    >
      <NavDrawerHeader className={styles.header}>
        <Brand name={t('app.name')} />
      </NavDrawerHeader>
      <NavDrawerBody className={styles.body}>
        <nav aria-label={t('shell.navigation')}>{links}</nav>
      </NavDrawerBody>
    </NavDrawer>
  );
}
