import { i18n } from '../../../app/i18n.ts';
import { customerDetailEnUS } from './en-US.ts';

// The customer page's strings come with its code, not with every page's first load.
i18n.addResourceBundle('en-US', 'translation', { customerDetail: customerDetailEnUS }, true, true);
