import { i18n } from '../../../app/i18n.ts';
import { appsEnUS } from './en-US.ts';

// The Apps page's strings come with its code, not with every page's first load.
i18n.addResourceBundle('en-US', 'translation', { apps: appsEnUS }, true, true);
