import {
  Button,
  makeStyles,
  Menu,
  MenuDivider,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  tokens,
} from '@fluentui/react-components';
import { SignOut20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useSignOut } from '../../features/auth/api/sign-out.ts';
import { useCurrentUser } from '../session.tsx';
import { Initials } from './initials.tsx';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    maxWidth: '280px',
    overflowWrap: 'anywhere',
  },
  secondary: { color: tokens.colorNeutralForeground2 },
  trigger: { minWidth: 'auto', padding: tokens.spacingHorizontalXXS, borderRadius: tokens.borderRadiusCircular },
});

export function UserMenu() {
  const styles = useStyles();
  const { t } = useTranslation();
  const user = useCurrentUser();
  const signOut = useSignOut();
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="subtle" className={styles.trigger} aria-label={t('shell.userMenu', { name: user.displayName })}>
          <Initials name={user.displayName} />
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <div className={styles.card}>
          <Text weight="semibold">{user.displayName}</Text>
          <Text size={200} className={styles.secondary}>
            {user.email}
          </Text>
          <Text size={200} className={styles.secondary}>
            {user.partner.name}
          </Text>
        </div>
        <MenuDivider />
        <MenuList>
          <MenuItem icon={<SignOut20Regular />} disabled={signOut.isPending} onClick={() => signOut.mutate()}>
            {signOut.isPending ? t('shell.signingOut') : t('shell.signOut')}
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
