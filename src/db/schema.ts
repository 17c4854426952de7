import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the tables in migrations/*.sql. Keep in step with the migrations. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;
/** numeric comes back as a string: no float rounding of money. */
type Numeric = ColumnType<string, string | number, string | number>;

export interface SettingsTable { key: string; value: string; created_at: CreatedAt }

export interface CloudInstancesTable {
  id: 'public' | 'usgov';
  name: string;
  domain_suffix: string;
  relationship_requests_enabled: boolean;
  indirect_model_enabled: boolean;
  agreement_required: boolean;
}

export interface PartnerOrganizationsTable {
  id: string;
  instance_id: 'public' | 'usgov';
  name: string;
  kind: 'direct' | 'indirect_provider' | 'indirect_reseller';
  mpn_id: string;
  markets: string[];
  email_domains: string[];
  usgov_validated: Generated<boolean>;
  invitation_code: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PartnershipsTable {
  provider_id: string;
  reseller_id: string;
  state: 'active' | 'inactive' | 'suspended' | 'terminated';
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PartnerUsersTable {
  id: string;
  partner_id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  disabled_at: Timestamp | null;
  /** `application`: an app registration's own identity for app-only calls (no password, never signs in). */
  kind: Generated<'person' | 'application'>;
  /** 0009: the last successful sign-in (portal or token exchange). */
  last_sign_in_at: Timestamp | null;
  /** 0009: the password was set by someone else; only changing it is allowed until it is. */
  must_change_password: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PartnerUserRolesTable {
  user_id: string;
  role: 'global_admin' | 'admin_agent' | 'sales_agent' | 'helpdesk_agent' | 'billing_admin';
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  kind: 'personal' | 'access';
  name: string;
  prefix: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: UpdatedAt;
  revoked_at: Timestamp | null;
}

export interface SignInThrottlesTable {
  scope: 'pair' | 'account' | 'address' | 'device';
  key: string;
  attempts: number;
  window_started_at: Timestamp;
}

export interface TrustedDevicesTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  last_used_at: UpdatedAt;
  expires_at: Timestamp;
}

export interface CustomersTable {
  id: string;
  instance_id: 'public' | 'usgov';
  commerce_id: string;
  company_name: string;
  domain: string;
  organization_registration_number: string | null;
  email: string;
  culture: string;
  language: string;
  billing_company_name: string;
  first_name: string;
  last_name: string;
  address_line1: string;
  address_line2: string | null;
  address_line3: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  country: string;
  phone_number: string | null;
  admin_user_name: Generated<string>;
  admin_password_hash: string;
  admin_password_set_at: UpdatedAt;
  admin_password_temporary: Generated<boolean>;
  created_by_partner_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** The billing profile's etag (migration 0009). */
  version: Generated<number>;
  /** The create request's `enableGDAPByDefault` (migration 0011): answered as `allowDelegatedAccess`. */
  delegated_access_by_default: Generated<boolean>;
}

export interface DomainRegistryTable {
  instance_id: 'public' | 'usgov';
  domain: string;
  customer_id: string;
  registered_at: CreatedAt;
}

export interface CustomerRelationshipsTable {
  customer_id: string;
  partner_id: string;
  /** `associated`: a reseller's row made by its provider's association (migration 0008), not a relationship of its own. */
  origin: 'created' | 'invited' | 'associated';
  state: Generated<'active' | 'terminated'>;
  indirect_reseller_id: string | null;
  indirect_provider_id: string | null;
  created_at: CreatedAt;
  invitation_id: string | null;
  ended_at: Timestamp | null;
  /** The customer's keys, copied by triggers (migration 0007): the list's orders and filters by partner. */
  customer_name_key: Generated<string>;
  customer_domain: Generated<string>;
  customer_created_at: Generated<Date>;
  customer_country: Generated<string>;
}

export interface CustomerEligibilityValidationsTable {
  id: string;
  customer_id: string;
  partner_id: string;
  validation_type: 'GovernmentEntity' | 'RegulatedData';
  details: string;
  validated_by_user_id: string | null;
  created_at: CreatedAt;
}

export type AgreementType = 'MicrosoftCloudAgreement' | 'MicrosoftCustomerAgreement';

export interface AgreementTemplatesTable {
  id: string;
  instance_id: 'public' | 'usgov';
  agreement_type: AgreementType;
  agreement_link: string;
  version_rank: number;
  created_at: CreatedAt;
}

export interface AgreementConfirmationsTable {
  id: string;
  customer_id: string;
  template_id: string;
  agreement_type: AgreementType;
  signer_first_name: string;
  signer_last_name: string;
  signer_email: string;
  signer_phone: string | null;
  date_agreed: Timestamp;
  partner_id: string;
  confirmed_by_user_id: string | null;
  created_at: CreatedAt;
}

export type OfferCategory = 'enterprise' | 'small_business' | 'government' | 'education' | 'nonprofit' | 'trial';

export interface OffersTable {
  id: string;
  instance_id: 'public' | 'usgov';
  name: string;
  description: string;
  category: OfferCategory;
  min_quantity: number;
  max_quantity: number;
  unit_type: string;
  billing: 'license' | 'usage';
  billing_cycles: string[];
  term: 'P1M' | 'P1Y' | 'P3Y' | 'none';
  /** The terms it is also sold with, besides the usual `term` (0006). */
  other_terms: Generated<('P1M' | 'P1Y' | 'P3Y' | 'none')[]>;
  /** Translated descriptions by locale, `{"zh-TW": "..."}` (0006). */
  descriptions: ColumnType<unknown, string | undefined, string>;
  purchase_limit: number | null;
  is_add_on: boolean;
  prerequisite_offer_ids: string[];
  is_trial: boolean;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OfferMarketsTable {
  offer_id: string;
  country: string;
  currency: string;
  list_price: Numeric;
}

export interface OrdersTable {
  id: string;
  customer_id: string;
  partner_id: string;
  billing_cycle: 'monthly' | 'annual' | 'none' | 'one_time';
  status: 'pending' | 'completed' | 'cancelled';
  currency: string;
  created_by_user_id: string | null;
  created_at: CreatedAt;
}

export interface SubscriptionsTable {
  id: string;
  customer_id: string;
  partner_id: string;
  order_id: string;
  offer_id: string;
  friendly_name: string;
  quantity: number;
  unit_type: string;
  status: 'active' | 'suspended' | 'deleted' | 'pending';
  billing_cycle: string;
  term: string;
  auto_renew: Generated<boolean>;
  partner_id_on_record: string | null;
  indirect_reseller_id: string | null;
  version: Generated<number>;
  effective_start_date: Timestamp;
  commitment_end_date: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Licenses bought at once (an order, an increase), and how many of them are still held (0009). */
export interface SubscriptionPurchasesTable {
  id: Generated<string>;
  subscription_id: string;
  quantity: number;
  remaining: number;
  purchased_at: Timestamp;
}

/** One change of a subscription for its history (0009): `changes` is [{ field, oldValue, newValue }]. */
export interface SubscriptionChangesTable {
  id: string;
  subscription_id: string;
  customer_id: string;
  partner_id: string;
  user_id: string | null;
  actor: string;
  changes: Json;
  version: number;
  changed_at: Timestamp;
}

export interface OrderLineItemsTable {
  order_id: string;
  line_item_number: number;
  offer_id: string;
  quantity: number;
  friendly_name: string | null;
  partner_id_on_record: string | null;
  subscription_id: string;
  /** Partner Center's OrderLineItem.termDuration (0006). */
  term_duration: string;
}

export interface RelationshipInvitationsTable {
  id: string;
  partner_id: string;
  also_provider_id: string | null;
  customer_id: string | null;
  created_by_user_id: string;
  recipient_email: string | null;
  recipient_domain: string | null;
  token_hash: string;
  state: 'pending' | 'accepted' | 'declined' | 'expired' | 'revoked';
  created_at: CreatedAt;
  expires_at: Timestamp;
  responded_at: Timestamp | null;
  accepted_customer_id: string | null;
  recipient_name: string | null;
  message: string | null;
  sent_count: Generated<number>;
  last_sent_at: Timestamp;
  revoked_by_user_id: string | null;
}

export interface AuditRecordsTable {
  id: string;
  partner_id: string | null;
  user_id: string | null;
  actor: string;
  operation_type: string;
  resource_type: string;
  resource_id: string | null;
  customer_id: string | null;
  new_value: Json | null;
  operation_status: Generated<string>;
  correlation_id: string | null;
  request_id: string | null;
  created_at: CreatedAt;
}

export interface IdempotencyRecordsTable {
  partner_id: string;
  method: string;
  route: string;
  request_id: string;
  request_hash: string;
  status_code: number | null;
  response_encrypted: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

/** The API rate limit's counters on PostgreSQL (migration 0007): one fixed window per key. */
export interface ApiRateLimitsTable {
  key: string;
  hits: number;
  resets_at: Timestamp;
}

export interface OnboardingDraftsTable {
  id: string;
  user_id: string;
  partner_id: string;
  step: Generated<string>;
  data: Json;
  request_id: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface TenantSessionsTable {
  id: string;
  customer_id: string;
  token_hash: string;
  csrf_token: string;
  created_at: Date | string;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface AppRegistrationsTable {
  id: string;
  partner_id: string;
  service_user_id: string;
  display_name: string;
  created_by: string | null;
  created_at: CreatedAt;
  deleted_at: Timestamp | null;
}

export interface AppSecretsTable {
  id: string;
  app_id: string;
  description: string;
  hint: string;
  secret_hash: string;
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AppRefreshTokensTable {
  id: string;
  app_id: string;
  user_id: string;
  family_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface SigningKeysTable {
  kid: string;
  algorithm: string;
  public_jwk: Json;
  private_key_sealed: string;
  created_at: CreatedAt;
}

export interface DB {
  settings: SettingsTable;
  cloud_instances: CloudInstancesTable;
  partner_organizations: PartnerOrganizationsTable;
  partnerships: PartnershipsTable;
  partner_users: PartnerUsersTable;
  partner_user_roles: PartnerUserRolesTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  sign_in_throttles: SignInThrottlesTable;
  trusted_devices: TrustedDevicesTable;
  customers: CustomersTable;
  domain_registry: DomainRegistryTable;
  customer_relationships: CustomerRelationshipsTable;
  customer_eligibility_validations: CustomerEligibilityValidationsTable;
  agreement_templates: AgreementTemplatesTable;
  agreement_confirmations: AgreementConfirmationsTable;
  offers: OffersTable;
  offer_markets: OfferMarketsTable;
  orders: OrdersTable;
  subscriptions: SubscriptionsTable;
  order_line_items: OrderLineItemsTable;
  subscription_purchases: SubscriptionPurchasesTable;
  subscription_changes: SubscriptionChangesTable;
  relationship_invitations: RelationshipInvitationsTable;
  audit_records: AuditRecordsTable;
  idempotency_records: IdempotencyRecordsTable;
  onboarding_drafts: OnboardingDraftsTable;
  tenant_sessions: TenantSessionsTable;
  api_rate_limits: ApiRateLimitsTable;
  app_registrations: AppRegistrationsTable;
  app_secrets: AppSecretsTable;
  app_refresh_tokens: AppRefreshTokensTable;
  signing_keys: SigningKeysTable;
  customer_users: CustomerUsersTable;
  customer_user_roles: CustomerUserRolesTable;
  customer_user_licenses: CustomerUserLicensesTable;
}

/** A customer's user (migration 0009); the customer's admin is one, `is_tenant_admin`, its password kept on the customer. */
export interface CustomerUsersTable {
  id: string;
  customer_id: string;
  user_principal_name: string;
  display_name: string;
  first_name: string | null;
  last_name: string | null;
  usage_location: string | null;
  is_tenant_admin: Generated<boolean>;
  password_hash: string | null;
  force_change_password: Generated<boolean>;
  password_set_at: Timestamp | null;
  created_at: CreatedAt;
  deleted_at: Timestamp | null;
}

export interface CustomerUserRolesTable {
  user_id: string;
  role_id: string;
}

export interface CustomerUserLicensesTable {
  user_id: string;
  subscription_id: string;
  assigned_at: CreatedAt;
}
