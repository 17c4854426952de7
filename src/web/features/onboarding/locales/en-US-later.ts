import { i18n } from '../../../app/i18n.ts';
import { onboardingLaterEnUS } from './en-US-later-strings.ts';

// The later steps' strings (./en-US-later-strings.ts) join the English resources when those steps load.
export { onboardingLaterEnUS };

i18n.addResourceBundle('en-US', 'translation', { onboarding: onboardingLaterEnUS }, true, false);
