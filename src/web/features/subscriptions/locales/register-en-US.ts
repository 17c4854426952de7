import { i18n } from '../../../app/i18n.ts';
import { subscriptionEnUS } from './en-US.ts';

// The subscription page's strings come with its code, not with every page's first load.
i18n.addResourceBundle('en-US', 'translation', { subscription: subscriptionEnUS }, true, true);
