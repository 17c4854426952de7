import type { SessionUser } from '#contracts/auth.ts';

// What other pages need to offer this feature (the customers list, the wizard's domain check): kept out
// of the shell's chunk, which a cold load of the wizard fetches.

/**
 * Whether the user may request relationships with existing customers, as the server's session says: the
 * action (roles) and the cloud instance (US Government only if the operator turns them on). Only to show
 * or hide the way in; the API refuses the others anyway.
 */
export function canRequestRelationships(user: SessionUser): boolean {
  return user.partner.relationshipRequests && user.actions.includes('relationships.request');
}

/** The "Request a relationship" page, optionally about a domain that was found taken. */
export function requestRelationshipPath(domain?: string): string {
  return domain === undefined ? '/customers/request-relationship' : `/customers/request-relationship?domain=${encodeURIComponent(domain)}`;
}
