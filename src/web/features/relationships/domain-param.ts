/** A full domain name as the wizard passes it (`contoso.onmicrosoft.com`): letters, digits, hyphens and dots, at most 253 characters. */
export const DOMAIN_NAME_PATTERN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
