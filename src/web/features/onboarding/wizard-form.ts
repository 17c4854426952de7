/**
 * The wizard's form: one set of values for all steps (so going back and forth keeps everything),
 * turned into the request body of POST /v1/onboardings, and the way back from the body's field paths
 * (the server's `errors[].field`) to the form's fields and steps.
 */
import type { z } from 'zod';
import { onboardingRequestSchema } from '#contracts/onboarding.ts';
import type { FieldErrorBody } from '#contracts/common.ts';

export const STEPS = ['account', 'subscriptions', 'review'] as const;
export type Step = (typeof STEPS)[number];
export type WizardRoute = Step | 'done';

export function isWizardRoute(value: string | undefined): value is WizardRoute {
  return value === 'done' || (STEPS as readonly string[]).includes(value ?? '');
}

export interface LineItemValues {
  offerId: string;
  /** As typed: checked against the offer's bounds before it becomes a number. */
  quantity: string;
  /** One of the offer's terms (P1M, P1Y) and its billing cycle; '' until chosen (the offer's usual then). */
  termDuration: string;
  billingCycle: string;
}

export interface WizardValues {
  country: string;
  companyName: string;
  domain: string;
  organizationRegistrationNumber: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  state: string;
  postalCode: string;
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber: string;
  language: string;
  culture: string;
  agreementAccepted: boolean;
  dateAgreed: string;
  signerFirstName: string;
  signerLastName: string;
  signerEmail: string;
  signerPhoneNumber: string;
  /** Once the signer is edited it no longer follows the primary contact. */
  signerEdited: boolean;
  eligibilityType: '' | 'GovernmentEntity' | 'RegulatedData';
  eligibilityDetails: string;
  resellerId: string;
  lineItems: LineItemValues[];
  /** The address (as a key) whose suggestion the user already accepted or declined. */
  addressReviewed: string;
}

export type WizardField = Exclude<keyof WizardValues, 'lineItems' | 'signerEdited' | 'addressReviewed'> | `lineItems.${number}.${'quantity' | 'termDuration' | 'billingCycle'}`;

/** Fields in the order the form shows them: the first wrong one gets the focus. */
export const FIELD_ORDER: readonly WizardField[] = [
  'country', 'companyName', 'domain', 'addressLine1', 'addressLine2', 'city', 'state', 'postalCode', 'organizationRegistrationNumber',
  'firstName', 'lastName', 'email', 'phoneNumber', 'language', 'culture',
  'agreementAccepted', 'dateAgreed', 'signerFirstName', 'signerLastName', 'signerEmail', 'signerPhoneNumber',
  'eligibilityType', 'eligibilityDetails', 'resellerId',
];
/** A field's place in the form (line items after every account field, in their order). */
export const orderOf = (field: WizardField) => {
  const index = FIELD_ORDER.indexOf(field);
  return index === -1 ? FIELD_ORDER.length + Number(/\d+/.exec(field)?.[0] ?? 0) : index;
};

/** Today in the browser's time zone, as YYYY-MM-DD (the server accepts a date up to UTC+14's today). */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function emptyValues(country: string, resellerId: string): WizardValues {
  return {
    country,
    companyName: '',
    domain: '',
    organizationRegistrationNumber: '',
    addressLine1: '',
    addressLine2: '',
    city: '',
    state: '',
    postalCode: '',
    firstName: '',
    lastName: '',
    email: '',
    phoneNumber: '',
    language: '',
    culture: '',
    agreementAccepted: false,
    dateAgreed: localToday(),
    signerFirstName: '',
    signerLastName: '',
    signerEmail: '',
    signerPhoneNumber: '',
    signerEdited: false,
    eligibilityType: '',
    eligibilityDetails: '',
    resellerId,
    lineItems: [],
    addressReviewed: '',
  };
}

/** A draft's data over the empty form: only the fields we know, of the type we expect. */
export function valuesFromDraft(data: Record<string, unknown>, fallback: WizardValues): WizardValues {
  const values: WizardValues = { ...fallback };
  for (const key of Object.keys(fallback) as (keyof WizardValues)[]) {
    const value = data[key];
    if (key === 'lineItems') {
      if (Array.isArray(value)) {
        values.lineItems = value.flatMap((item: unknown) => {
          if (typeof item !== 'object' || item === null) return [];
          const { offerId, quantity, termDuration, billingCycle } = item as Record<string, unknown>;
          const text = (value: unknown) => (typeof value === 'string' ? value : '');
          return typeof offerId === 'string' ? [{ offerId, quantity: String(quantity ?? ''), termDuration: text(termDuration), billingCycle: text(billingCycle) }] : [];
        });
      }
    } else if (typeof value === typeof fallback[key]) {
      (values as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return values;
}

export type OnboardingBody = z.input<typeof onboardingRequestSchema>;
type LineItemBody = NonNullable<OnboardingBody['lineItems']>[number];

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

function quantityOf(value: string): number {
  const trimmed = value.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

export interface BodyContext {
  instance: 'public' | 'usgov';
  isIndirectProvider: boolean;
  templateId: string | null;
  draftId: string | null;
}

/** The request body for the validations call and the submission. */
export function toRequestBody(values: WizardValues, context: BodyContext, options: { lineItems: boolean } = { lineItems: true }): OnboardingBody {
  const body: OnboardingBody = {
    companyProfile: {
      domain: values.domain.trim(),
      companyName: values.companyName.trim(),
      organizationRegistrationNumber: blankToNull(values.organizationRegistrationNumber),
    },
    billingProfile: {
      email: values.email.trim(),
      culture: blankToNull(values.culture),
      language: blankToNull(values.language),
      companyName: values.companyName.trim(),
      defaultAddress: {
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        addressLine1: values.addressLine1.trim(),
        addressLine2: blankToNull(values.addressLine2),
        city: blankToNull(values.city),
        state: blankToNull(values.state),
        postalCode: blankToNull(values.postalCode),
        country: values.country,
        phoneNumber: blankToNull(values.phoneNumber),
      },
    },
    lineItems: options.lineItems
      ? values.lineItems.map((item) => ({
          offerId: item.offerId,
          quantity: quantityOf(item.quantity),
          termDuration: blankToNull(item.termDuration),
          billingCycle: (blankToNull(item.billingCycle) as LineItemBody['billingCycle']) ?? null,
        }))
      : [],
    draftId: context.draftId,
  };
  if (context.isIndirectProvider) body.associatedPartnerId = blankToNull(values.resellerId);
  if (context.instance === 'usgov') {
    if (values.eligibilityType !== '') body.eligibility = { validationType: values.eligibilityType, details: values.eligibilityDetails.trim() };
  } else {
    body.agreement = {
      ...(values.agreementAccepted ? { accepted: true as const } : {}),
      templateId: context.templateId,
      dateAgreed: values.dateAgreed,
      primaryContact: {
        firstName: values.signerFirstName.trim(),
        lastName: values.signerLastName.trim(),
        email: values.signerEmail.trim(),
        phoneNumber: blankToNull(values.signerPhoneNumber),
      },
    };
  }
  return body;
}

const FIELD_BY_PATH: Record<string, WizardField> = {
  'companyProfile.domain': 'domain',
  'companyProfile.companyName': 'companyName',
  'companyProfile.organizationRegistrationNumber': 'organizationRegistrationNumber',
  'billingProfile.companyName': 'companyName',
  'billingProfile.email': 'email',
  'billingProfile.culture': 'culture',
  'billingProfile.language': 'language',
  'billingProfile.defaultAddress.firstName': 'firstName',
  'billingProfile.defaultAddress.lastName': 'lastName',
  'billingProfile.defaultAddress.addressLine1': 'addressLine1',
  'billingProfile.defaultAddress.addressLine2': 'addressLine2',
  'billingProfile.defaultAddress.city': 'city',
  'billingProfile.defaultAddress.state': 'state',
  'billingProfile.defaultAddress.postalCode': 'postalCode',
  'billingProfile.defaultAddress.country': 'country',
  'billingProfile.defaultAddress.phoneNumber': 'phoneNumber',
  agreement: 'agreementAccepted',
  'agreement.accepted': 'agreementAccepted',
  'agreement.templateId': 'agreementAccepted',
  'agreement.dateAgreed': 'dateAgreed',
  'agreement.primaryContact.firstName': 'signerFirstName',
  'agreement.primaryContact.lastName': 'signerLastName',
  'agreement.primaryContact.email': 'signerEmail',
  'agreement.primaryContact.phoneNumber': 'signerPhoneNumber',
  eligibility: 'eligibilityType',
  'eligibility.validationType': 'eligibilityType',
  'eligibility.details': 'eligibilityDetails',
  associatedPartnerId: 'resellerId',
};

/** The form field a body path names (case as the server writes it, or not), or null (shown as a general error). */
export function fieldOfPath(path: string): WizardField | null {
  const lineItem = /^lineItems\.(\d+)\.(quantity|offerId|termDuration|billingCycle)$/i.exec(path);
  if (lineItem) {
    const part = lineItem[2]?.toLowerCase();
    return `lineItems.${Number(lineItem[1])}.${part === 'termduration' ? 'termDuration' : part === 'billingcycle' ? 'billingCycle' : 'quantity'}`;
  }
  const key = Object.keys(FIELD_BY_PATH).find((candidate) => candidate.toLowerCase() === path.toLowerCase());
  return key === undefined ? null : (FIELD_BY_PATH[key] ?? null);
}

export function stepOfPath(path: string): Step {
  return path.toLowerCase().startsWith('lineitems') || path.toLowerCase() === 'billingcycle' ? 'subscriptions' : 'account';
}

/** The body's structure checked with the contract's own schema, as field errors at body paths. */
export function structuralErrors(body: OnboardingBody): FieldErrorBody[] {
  const result = onboardingRequestSchema.safeParse(body);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    field: issue.path.join('.'),
    code: issue.code,
    message: issue.message,
    ...('maximum' in issue ? { maximum: Number(issue.maximum) } : {}),
  }));
}

/** The checks the server cannot make for us: the attestation itself, and quantities against the offer. */
export function clientErrors(values: WizardValues, context: BodyContext, offers: ReadonlyMap<string, { minimumQuantity: number; maximumQuantity: number }>, step: Step | 'all'): FieldErrorBody[] {
  const errors: FieldErrorBody[] = [];
  if ((step === 'account' || step === 'all') && context.instance !== 'usgov' && !values.agreementAccepted) {
    errors.push({ field: 'agreement.accepted', code: 'agreement_not_accepted', message: 'Confirm that the customer has accepted the Microsoft Customer Agreement.' });
  }
  if (step === 'subscriptions' || step === 'all') {
    values.lineItems.forEach((item, index) => {
      const offer = offers.get(item.offerId);
      const quantity = quantityOf(item.quantity);
      const field = `lineItems.${index}.quantity`;
      if (!Number.isInteger(quantity)) {
        errors.push({ field, code: 'quantity_not_integer', message: 'Enter the number of licenses as a whole number, such as 5.' });
      } else if (offer && (quantity < offer.minimumQuantity || quantity > offer.maximumQuantity)) {
        errors.push({ field, code: 'quantity_out_of_bounds', message: `Enter between ${offer.minimumQuantity} and ${offer.maximumQuantity} licenses for this offer; ${quantity} is outside that range.` });
      }
    });
  }
  return errors;
}

/**
 * The first step before the last one whose entries the browser can already tell are incomplete, or
 * null. A deep link (or Forward) past it lands there instead of on a later step over empty entries.
 * (The agreement's template id comes from the server, not the user: it never holds a step back.)
 */
export function firstUnfinishedStep(values: WizardValues, context: BodyContext): Step | null {
  const body = toRequestBody(values, context, { lineItems: false });
  const account = [...structuralErrors(body), ...clientErrors(values, context, new Map(), 'account')].filter(
    (error) => stepOfPath(error.field) === 'account' && error.field !== 'agreement.templateId',
  );
  if (account.length > 0) return 'account';
  return clientErrors(values, context, new Map(), 'subscriptions').length > 0 ? 'subscriptions' : null;
}

/** A key for "this address, as typed", to remember which suggestion was already answered. */
export function addressKey(values: Pick<WizardValues, 'country' | 'addressLine1' | 'addressLine2' | 'city' | 'state' | 'postalCode'>): string {
  return [values.country, values.addressLine1, values.addressLine2, values.city, values.state, values.postalCode].map((part) => part.trim().toLowerCase()).join('|');
}
