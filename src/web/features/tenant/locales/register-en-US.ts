import { i18n } from '../../../app/i18n.ts';
import { tenantEnUS } from './en-US.ts';

// The customer admin's strings come with its pages' code, not with every page's first load.
i18n.addResourceBundle('en-US', 'translation', { tenant: tenantEnUS }, true, true);
