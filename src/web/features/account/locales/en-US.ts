/** The tokens table's kind column (en-US), registered with the account page's code. */
export const tokenKindsEnUS = { personal: 'Personal', access: 'From sign-in (POST /v1/auth/token)' };
export const tokenKindColumnEnUS = 'Kind';
