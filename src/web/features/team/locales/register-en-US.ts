import { i18n } from '../../../app/i18n.ts';
import { teamEnUS } from './en-US.ts';

// The Users page's strings come with its code, not with every page's first load.
i18n.addResourceBundle('en-US', 'translation', { team: teamEnUS }, true, true);
