import { i18n } from '../../../app/i18n.ts';
import { tokenKindColumnEnUS, tokenKindsEnUS } from './en-US.ts';

// The tokens table's kind column comes with the account page's code, not with every page's first load.
i18n.addResourceBundle('en-US', 'translation', { account: { tokens: { columns: { kind: tokenKindColumnEnUS }, kinds: tokenKindsEnUS } } }, true, true);
