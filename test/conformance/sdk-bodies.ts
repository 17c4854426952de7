/**
 * Request bodies as Partner Center's .NET SDK serialises them (issue 11): every property of the model class
 * (Microsoft.Store.PartnerCenter.Models), PascalCase, those not set `null`. Shared by the SDK-shaped input
 * tests and the conformance suite, which sends one of these for every write beside the documented sample
 * and compares the answer with the sample's: so the optional properties the samples show (a phone number,
 * a line's friendly name) are set, and answered with a value rather than the null they were sent as.
 */
import { uniquePrefix } from '#test/integration/onboarding-fixtures.ts';

type Overrides = Record<string, unknown>;

/** An Address (Models/Address.cs). */
export function sdkAddress(overrides: Overrides = {}) {
  return {
    Country: 'US',
    Region: null,
    City: 'Redmond',
    State: 'WA',
    AddressLine1: '1 Microsoft Way',
    AddressLine2: null,
    AddressLine3: null,
    PostalCode: '98052',
    FirstName: 'Dana',
    MiddleName: null,
    LastName: 'Whitfield',
    PhoneNumber: '+1 425 555 0100',
    ...overrides,
  };
}

/** A Customer for "Create a customer" (Models/Customers/Customer.cs, with its company and billing profiles). */
export function sdkCustomer(prefix = uniquePrefix('sdk')) {
  return {
    Id: null,
    CommerceId: null,
    CompanyProfile: { TenantId: null, Domain: `${prefix}.onmicrosoft.com`, CompanyName: null, Address: null, Email: null, OrganizationRegistrationNumber: null, Links: null, Attributes: { ObjectType: 'CustomerCompanyProfile' } },
    BillingProfile: {
      Id: null,
      FirstName: null,
      LastName: null,
      Email: `it@${prefix}.example`,
      Culture: 'EN-US',
      Language: 'En',
      CompanyName: `SDK ${prefix}`,
      DefaultAddress: sdkAddress(),
      Links: null,
      Attributes: { ObjectType: 'CustomerBillingProfile' },
    },
    RelationshipToPartner: 'none',
    AllowDelegatedAccess: null,
    UserCredentials: null,
    CustomDomains: null,
    AssociatedPartnerId: null,
    Tags: null,
    EnableGDAPByDefault: null,
    Links: null,
    Attributes: { ObjectType: 'Customer' },
  };
}

/** A CustomerBillingProfile sent back with PUT: the one read (its id, country and etag), changed. */
export function sdkBillingProfile(read: { id: string; country: string; etag: string; path: string }, overrides: Overrides = {}) {
  return {
    Id: read.id,
    FirstName: 'Robin',
    LastName: 'Sato',
    Email: 'billing@sdk-shape.example',
    Culture: 'en-US',
    Language: 'en',
    CompanyName: 'SDK Shape Ltd',
    DefaultAddress: sdkAddress({ Country: read.country, MiddleName: 'J' }),
    Links: { Self: { Uri: read.path, Method: 'GET', Headers: [] } },
    Attributes: { Etag: read.etag, ObjectType: 'CustomerBillingProfile' },
    ...overrides,
  };
}

/** An Agreement (Models/Agreements/Agreement.cs) for the given template. */
export function sdkAgreement(templateId: string | null, overrides: Overrides = {}) {
  return {
    UserId: null,
    PrimaryContact: { FirstName: 'Dana', LastName: 'Whitfield', Email: 'dana@signer.example', PhoneNumber: '+1 425 555 0101' },
    DateAgreed: new Date().toISOString().slice(0, 10),
    TemplateId: templateId,
    Type: 'MicrosoftCustomerAgreement',
    AgreementLink: null,
    Attributes: { ObjectType: 'Agreement' },
    ...overrides,
  };
}

/** An OrderLineItem (Models/Orders/OrderLineItem.cs). */
export function sdkLine(offerId: string, overrides: Overrides = {}) {
  return {
    LineItemNumber: 0,
    OfferId: offerId,
    SubscriptionId: null,
    ParentSubscriptionId: null,
    FriendlyName: 'SDK line',
    Quantity: 2,
    TermDuration: null,
    TransactionType: null,
    PartnerIdOnRecord: null,
    AdditionalPartnerIdsOnRecord: null,
    ProvisioningContext: null,
    Links: null,
    RenewsTo: null,
    AttestationAccepted: null,
    Pricing: null,
    CustomTermEndDate: null,
    PromotionId: null,
    Attributes: { ObjectType: 'OrderLineItem' },
    ...overrides,
  };
}

/** An Order (Models/Orders/Order.cs). */
export function sdkOrder(lineItems: unknown[], overrides: Overrides = {}) {
  return {
    Id: null,
    AlternateId: null,
    ReferenceCustomerId: null,
    BillingCycle: 'Monthly',
    TransactionType: null,
    LineItems: lineItems,
    CurrencyCode: null,
    CurrencySymbol: null,
    CreationDate: null,
    Status: null,
    TotalPrice: null,
    PartnerOnRecordAttestationAccepted: null,
    Links: null,
    Attributes: { ObjectType: 'Order' },
    ...overrides,
  };
}

/**
 * A Subscription sent back with PATCH (Models/Subscriptions/Subscription.cs): the one read (its ids, order
 * and etag) with a new quantity; the rest as the SDK has it after a GET it did not fully map, mostly null.
 */
export function sdkSubscription(read: { id: string; orderId: string; offerId: string; etag: string; quantity: number }, overrides: Overrides = {}) {
  return {
    Id: read.id,
    EntitlementId: null,
    OfferId: read.offerId,
    OfferName: null,
    FriendlyName: 'SDK nickname',
    Quantity: read.quantity,
    UnitType: null,
    ParentSubscriptionId: null,
    CreationDate: null,
    EffectiveStartDate: null,
    CommitmentEndDate: null,
    Status: 'active',
    AutoRenewEnabled: true,
    IsTrial: null,
    BillingType: null,
    BillingCycle: null,
    TermDuration: null,
    RenewalTermDuration: null,
    HasPurchasableAddons: null,
    IsMicrosoftProduct: null,
    PartnerId: null,
    ContractType: null,
    OrderId: read.orderId,
    Actions: null,
    RefundOptions: null,
    SuspensionReasons: null,
    PublisherName: null,
    PromotionId: null,
    ScheduledNextTermInstructions: null,
    AttentionNeeded: null,
    ActionTaken: null,
    CustomTermEndDate: null,
    Links: null,
    Attributes: { Etag: read.etag, ObjectType: 'Subscription' },
    ...overrides,
  };
}

/** A CustomerUser (Models/Users/CustomerUser.cs; customer-user resources) for "Create user accounts". */
export function sdkCustomerUser(userPrincipalName: string, overrides: Overrides = {}) {
  return {
    Id: null,
    UserPrincipalName: userPrincipalName,
    FirstName: 'Robin',
    LastName: 'Sato',
    DisplayName: 'Robin Sato',
    ImmutableId: null,
    PasswordProfile: { Password: null, ForceChangePassword: true },
    PhoneNumber: null,
    LastDirectorySyncTime: null,
    UserDomainType: null,
    State: null,
    SoftDeletionTime: null,
    UsageLocation: 'US',
    Links: null,
    Attributes: { ObjectType: 'CustomerUser' },
    ...overrides,
  };
}
