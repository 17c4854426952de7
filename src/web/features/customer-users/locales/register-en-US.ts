import { i18n } from '../../../app/i18n.ts';
import { customerUsersEnUS } from './en-US.ts';

// The Users tab's strings come with its code, not with every page's first load.
i18n.addResourceBundle('en-US', 'translation', { customerUsers: customerUsersEnUS }, true, true);
