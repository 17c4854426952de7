/** The customer detail page's strings (en-US): the source; zh-TW has exactly these keys. */
export const customerDetailEnUS = {
  title: 'Customer',
} as const;
