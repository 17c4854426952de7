/** The add-customer wizard's strings (en-US): the source; zh-TW has exactly these keys. */
export const onboardingEnUS = {
  title: 'Add customer',
} as const;
