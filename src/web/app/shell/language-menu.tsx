import { Button, Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger, type MenuProps } from '@fluentui/react-components';
import { LocalLanguage20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, LANGUAGES, preloadLanguage, type Language } from '../i18n.ts';

const preloadLanguages = () => LANGUAGES.forEach(preloadLanguage);

/** Switches between en-US and zh-TW; the choice is remembered in this browser. */
export function LanguageMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const onCheckedValueChange: MenuProps['onCheckedValueChange'] = (_event, { checkedItems }) => {
    const chosen = checkedItems[0];
    if (chosen !== undefined && chosen !== language) void changeLanguage(chosen as Language);
  };
  return (
    <Menu checkedValues={{ language: [language] }} onCheckedValueChange={onCheckedValueChange}>
      <MenuTrigger disableButtonEnhancement>
        <Button
          // Pointed at or focused, it fetches the other language's strings: choosing one then only re-renders.
          onPointerEnter={preloadLanguages}
          onFocus={preloadLanguages}
          appearance="subtle"
          icon={<LocalLanguage20Regular />}
          aria-label={`${t('shell.language')}: ${t(`languages.${language}`)}`}
        >
          {compact ? null : t(`languages.${language}`)}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {LANGUAGES.map((option) => (
            <MenuItemRadio key={option} name="language" value={option} lang={option}>
              {t(`languages.${option}`)}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
