import { i18n } from '../../../app/i18n.ts';
import { addSubscriptionsEnUS } from './en-US.ts';

// The page's strings come with its code, not with every page's first load.
i18n.addResourceBundle('en-US', 'translation', { addSubscriptions: addSubscriptionsEnUS }, true, true);
