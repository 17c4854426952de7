import { i18n } from '../../../app/i18n.ts';
import { accountEnUS } from './en-US.ts';

// The account page's strings come with its code, not with every page's first load.
i18n.addResourceBundle('en-US', 'translation', { account: accountEnUS }, true, true);
