import { i18n } from '../../../app/i18n.ts';
import { customersListEnUS } from './list-en-US.ts';

// The list's filter, order and export strings come with its code, not with every page's first load
// (the wizard's cold load is at its budget).
i18n.addResourceBundle('en-US', 'translation', { customersList: customersListEnUS }, true, true);
