import { Hamburger, makeStaticStyles, makeStyles, mergeClasses, ProgressBar, shorthands, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigation } from 'react-router';
import { CurrentUserProvider, useCurrentUser, useSession } from '../session.tsx';
import { NARROW_SCREEN, useMediaQuery } from '../use-media-query.ts';
import { Brand } from '../ui/brand.tsx';
import { LanguageMenu } from './language-menu.tsx';
import { TOP_BAR_HEIGHT } from './layout.ts';
import { SideNav } from './side-nav.tsx';
import { UserMenu } from './user-menu.tsx';

/**
 * The signed-in part of the app. The route loader made sure a session exists; when it ends later
 * (sign-out, or a 401) whoever ended it navigates to sign-in, and this renders nothing meanwhile.
 */
export function RequireSession() {
  const { data: session } = useSession();
  const location = useLocation();
  if (!session) return null;
  // A password someone else set: nothing but changing it (the API refuses the rest, 403101).
  if (session.user.mustChangePassword && location.pathname !== '/account/password') return <Navigate to="/account/password" replace />;
  return (
    <CurrentUserProvider user={session.user}>
      <Outlet />
    </CurrentUserProvider>
  );
}

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    gridTemplateColumns: 'auto 1fr',
    gridTemplateAreas: '"header header" "nav main"',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  skipLink: {
    position: 'absolute',
    insetInlineStart: tokens.spacingHorizontalS,
    insetBlockStart: '-100px',
    zIndex: 1000,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
    ':focus': { insetBlockStart: tokens.spacingVerticalS, outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  header: {
    gridArea: 'header',
    position: 'sticky',
    insetBlockStart: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    height: TOP_BAR_HEIGHT,
    paddingInline: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    boxShadow: tokens.shadow2,
    zIndex: 2,
  },
  brand: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    borderRadius: tokens.borderRadiusMedium,
    paddingInline: tokens.spacingHorizontalXS,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  separator: { width: '1px', height: '20px', backgroundColor: tokens.colorNeutralStroke1, marginInline: tokens.spacingHorizontalXS },
  partner: { color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  spacer: { flexGrow: 1 },
  // The page scrolls as a whole. The navigation's column runs the page's full height (its background
  // with it), and the navigation itself stays in view at the column's top.
  nav: { gridArea: 'nav' },
  navColumn: { backgroundColor: tokens.colorNeutralBackground4, ...shorthands.borderRight(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2) },
  main: {
    gridArea: 'main',
    position: 'relative',
    minWidth: 0,
    ':focus': { outlineStyle: 'none' },
  },
  progress: { position: 'absolute', insetInline: 0, insetBlockStart: 0 },
  content: {
    boxSizing: 'border-box',
    maxWidth: '1200px',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    '@media (max-width: 767px)': { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}` },
  },
});

// A field scrolled into view (focus, an error summary's link) lands below the sticky top bar.
const useScrollPadding = makeStaticStyles({ html: { scrollPaddingTop: `calc(${TOP_BAR_HEIGHT} + 16px)` } });

/** Partner Center's frame: top bar (product, partner organisation, language, user), left navigation, content. */
export function Shell() {
  useScrollPadding();
  const styles = useStyles();
  const { t } = useTranslation();
  const user = useCurrentUser();
  const narrow = useMediaQuery(NARROW_SCREEN);
  // Until the user has chosen its own password, there is nowhere else to go.
  const forced = user.mustChangePassword;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const navigation = useNavigation();
  const location = useLocation();

  // After moving to another page, put focus on its heading so screen readers announce it.
  const firstPath = useRef(location.pathname);
  useEffect(() => {
    if (location.pathname === firstPath.current) return;
    firstPath.current = '';
    document.getElementById('page-heading')?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <div className={styles.root}>
      <a href="#main-content" className={styles.skipLink}>
        {t('app.skipToContent')}
      </a>
      <header className={styles.header}>
        {narrow && !forced ? (
          <Hamburger
            aria-label={drawerOpen ? t('shell.closeNavigation') : t('shell.openNavigation')}
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen((open) => !open)}
          />
        ) : null}
        <Link to="/customers" className={styles.brand}>
          <Brand name={t('app.name')} />
        </Link>
        {narrow ? null : (
          <>
            <span className={styles.separator} aria-hidden />
            <Text className={styles.partner} title={t('shell.partnerOrganisation')}>
              {user.partner.name}
            </Text>
          </>
        )}
        <span className={styles.spacer} />
        <LanguageMenu compact={narrow} />
        <UserMenu />
      </header>
      {forced ? null : (
        <div className={mergeClasses(styles.nav, !narrow && styles.navColumn)}>
          <SideNav type={narrow ? 'overlay' : 'inline'} open={drawerOpen} onOpenChange={setDrawerOpen} />
        </div>
      )}
      <main id="main-content" className={styles.main} tabIndex={-1}>
        {navigation.state === 'loading' ? <ProgressBar className={styles.progress} thickness="medium" aria-label={t('app.loading')} /> : null}
        <div className={styles.content}>
          <Outlet />
        </div>
      </main>
    </div>
  );
}
