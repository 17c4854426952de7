import { i18n } from '../../../app/i18n.ts';
import { activityLogEnUS } from './en-US.ts';

// The Activity log's strings come with its page, not with every page's first load.
i18n.addResourceBundle('en-US', 'translation', { activityLog: activityLogEnUS }, true, true);
