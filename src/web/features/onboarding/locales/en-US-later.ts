import { i18n } from '../../../app/i18n.ts';

/**
 * The wizard's strings that only its later steps show (subscriptions, review, the cancel dialog,
 * eligibility). They come with those steps' code rather than with the first screen's, which keeps a
 * cold load of the wizard small; each of those modules imports this one.
 */
export const onboardingLaterEnUS = {
  subscriptions: {
    description: 'Choose the offers to order for the customer, and how many licenses of each. You can also continue without any and order later.',
    search: 'Search offers',
    searchPlaceholder: 'Name or description',
    categories: 'Offer categories',
    all: 'All',
    category: {
      enterprise: 'Enterprise',
      small_business: 'Small business',
      government: 'Government',
      education: 'Education',
      nonprofit: 'Nonprofit',
      trial: 'Trial',
    },
    offersLabel: 'Offers',
    noOffers: 'No offers are sold in {{country}}.',
    noMatches: 'No offers match your search.',
    loadFailed: 'The offers could not be loaded.',
    quantity: 'Number of licenses',
    quantityFor: 'Number of licenses for {{name}}',
    bounds: '{{min}}–{{max}} licenses',
    price: '{{price}} per license per month',
    estimate: 'Estimate',
    estimateEmpty: 'No offers chosen yet. The customer can also be added without subscriptions.',
    estimateLine: '{{quantity}} × {{name}}',
    estimateTotal: 'Estimated monthly total',
    estimateNote: 'At list price, before taxes and discounts.',
    selected_one: '1 offer chosen',
    selected_other: '{{count}} offers chosen',
  },
  review: {
    description: 'Check what you entered. Use Update to change a section; nothing is created until you submit.',
    address: 'Address',
    contact: 'Primary contact',
    languageCulture: 'Language and culture',
    agreement: 'Customer agreement',
    agreementValue: 'Accepted on {{date}} by {{name}}',
    agreementNotAccepted: 'Not confirmed',
    eligibility: 'US Government eligibility',
    reseller: 'Indirect reseller',
    noSubscriptions: 'No subscriptions: only the customer will be added.',
    offer: 'Offer',
    quantity: 'Licenses',
    monthly: 'Estimated per month',
    total: 'Estimated monthly total',
    subscriptionsTable: 'Subscriptions to order',
    notValid: 'Some entries need to change before you can submit. Use Update to fix them.',
    checkFailed: 'The entries could not be checked.',
    submitFailed: 'The customer could not be added.',
    submitRetry: 'Submitting again is safe: the customer will not be added twice.',
  },
  cancelDialog: {
    title: 'Discard this customer?',
    body: 'Everything you entered for this customer will be deleted. This cannot be undone.',
    confirm: 'Discard',
    keep: 'Keep editing',
    failed: 'The draft could not be discarded.',
  },
  eligibility: {
    section: 'US Government eligibility',
    description: 'Record why this customer may use the US Government cloud.',
    type: 'Eligibility',
    choose: 'Choose one',
    GovernmentEntity: 'A US government entity',
    RegulatedData: 'Handles regulated government data',
    details: 'Details',
    detailsHint: 'How you checked it, for example the agency or contract.',
  },
} as const;

i18n.addResourceBundle('en-US', 'translation', { onboarding: onboardingLaterEnUS }, true, false);
