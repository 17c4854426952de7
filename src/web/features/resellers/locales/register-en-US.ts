import { i18n } from '../../../app/i18n.ts';
import { resellersEnUS } from './en-US.ts';

// The resellers' strings come with the pages that show them, not with every page's first load.
i18n.addResourceBundle('en-US', 'translation', { resellers: resellersEnUS }, true, true);
