/** The Add subscriptions page's strings (en-US): the source; zh-TW has exactly these keys. */
export const addSubscriptionsEnUS = {
  title: 'Add subscriptions',
  description: 'Sell {{company}} more subscriptions: offers sold in {{country}}.',
  breadcrumb: 'Breadcrumb',
  customers: 'Customers',
  stepsLabel: 'Steps',
  steps: {
    agreement: 'Customer agreement',
    subscriptions: 'Subscriptions',
    review: 'Review',
  },
  agreement: {
    intro: "Your organization has no confirmation that {{company}} accepted the Microsoft Customer Agreement. Confirm it first: it is recorded with the order, and if the order fails neither is kept.",
  },
  mayNotOrder: "Your role cannot add subscriptions. An admin agent, sales agent or global admin of your organization can.",
  mayNotConfirm: "{{company}} has not accepted the Microsoft Customer Agreement as far as your organization knows, and your role cannot confirm it. An admin agent, sales agent or global admin of your organization confirms it; then you can add subscriptions.",
  resellerMayNotConfirm: "{{company}} has no Microsoft Customer Agreement confirmation. As an indirect reseller you cannot confirm it: your indirect provider confirms it; then you can add subscriptions.",
  reseller: {
    title: 'Indirect reseller',
    through: 'Sold through {{name}}: each subscription names this reseller’s Partner ID as its partner of record.',
    none: 'No indirect reseller: the subscriptions are sold without one. To sell through a reseller, choose it with Change reseller on the customer’s page first.',
  },
  chooseOne: 'Choose at least one offer.',
  oneCycle: 'An order has one billing frequency: choose the same one for every subscription (these are billed {{cycles}}), or add them in separate orders.',
  review: {
    agreementTitle: 'Customer agreement',
    agreementLine: 'Accepted on {{date}} by {{name}} ({{email}})',
    subscriptionsTitle: 'Subscriptions',
    line: '{{quantity}} × {{name}}',
    submit: 'Place order',
    submitting: 'Placing the order…',
  },
  alreadyConfirmed: 'Meanwhile someone in your organization confirmed the customer’s agreement: review and submit again without it.',
  actions: {
    next: 'Next',
    back: 'Back',
    cancel: 'Cancel',
  },
  done: {
    title: 'Subscriptions added',
    body_one: '{{company}} has {{count}} new subscription.',
    body_other: '{{company}} has {{count}} new subscriptions.',
    agreement: 'The Microsoft Customer Agreement confirmation was recorded with the order.',
    line: '{{quantity}} × {{name}}',
    back: 'Back to {{company}}',
  },
  loadFailed: 'The customer could not be loaded.',
};
