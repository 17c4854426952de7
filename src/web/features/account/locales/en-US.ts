/** The tokens table's kind column (en-US), registered with the account page's code. */
export const tokenKindsEnUS = { personal: 'Personal', access: 'Sign-in' };
export const tokenKindColumnEnUS = 'Kind';
