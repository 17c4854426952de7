/**
 * /customers/:customerId/billing-profile: the customer's billing profile and address, edited with the
 * wizard's own fields and checks (the server's rules, then POST /v1/validations/address as the wizard's
 * account step does), saved with the etag it was read with (a 412 says someone changed it meanwhile).
 * Only for sessions whose actions hold `customers.edit`; the country is fixed, as Partner Center keeps it.
 */
import '../locales/register-en-US.ts';
import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { CustomerBillingProfile, UpdateBillingProfileRequest } from '#contracts/customers.ts';
import { isApiError, uuid } from '../../../app/api-client.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { useFormatters } from '../../../app/format.ts';
import { useCurrentUser } from '../../../app/session.tsx';
import { Loading } from '../../../app/ui/loading.tsx';
import { PageHeader } from '../../../app/ui/page-header.tsx';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { QueryError } from '../../../app/ui/query-error.tsx';
import { LinkButton } from '../../../app/ui/router-link.tsx';
import { SelectField, TextField, useFormStyles } from '../../onboarding/components/fields.tsx';
import { useCountryRules } from '../../onboarding/api/get-country-rules.ts';
import { useValidateAddress, type SuggestedAddress } from '../../onboarding/api/validate-address.ts';
import type { WizardField, WizardValues } from '../../onboarding/wizard-form.ts';
import { useBillingProfile, useUpdateBillingProfile } from '../api/billing-profile.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '880px' },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  suggestion: { fontWeight: tokens.fontWeightSemibold },
});

/** The fields this page edits: a part of the wizard's form, with the wizard's names. */
type ProfileField = Extract<WizardField, 'companyName' | 'addressLine1' | 'addressLine2' | 'city' | 'state' | 'postalCode' | 'firstName' | 'lastName' | 'email' | 'phoneNumber' | 'language' | 'culture'>;
type ProfileValues = Pick<WizardValues, ProfileField | 'country'>;

function valuesOf(profile: CustomerBillingProfile): ProfileValues {
  const address = profile.defaultAddress;
  return {
    country: address.country,
    companyName: profile.companyName,
    addressLine1: address.addressLine1,
    addressLine2: address.addressLine2 ?? '',
    city: address.city ?? '',
    state: address.state ?? '',
    postalCode: address.postalCode ?? '',
    firstName: profile.firstName,
    lastName: profile.lastName,
    email: profile.email,
    phoneNumber: address.phoneNumber ?? '',
    language: profile.language,
    culture: profile.culture,
  };
}

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

function bodyOf(values: ProfileValues): UpdateBillingProfileRequest {
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    email: values.email.trim(),
    culture: blankToNull(values.culture),
    language: blankToNull(values.language),
    companyName: values.companyName.trim(),
    defaultAddress: {
      addressLine1: values.addressLine1.trim(),
      addressLine2: blankToNull(values.addressLine2),
      city: blankToNull(values.city),
      state: blankToNull(values.state),
      postalCode: blankToNull(values.postalCode),
      country: values.country,
      phoneNumber: blankToNull(values.phoneNumber),
    },
  };
}

/** The PUT's paths (`defaultAddress.postalCode`, `email`) back to the form's fields. */
function fieldOfPath(path: string): ProfileField | undefined {
  const name = path.replace(/^defaultAddress\./, '');
  const fields: readonly ProfileField[] = ['companyName', 'addressLine1', 'addressLine2', 'city', 'state', 'postalCode', 'firstName', 'lastName', 'email', 'phoneNumber', 'language', 'culture'];
  return fields.find((field) => field.toLowerCase() === name.toLowerCase());
}

function formatAddress(address: { addressLine1: string; addressLine2: string | null; city: string | null; state: string | null; postalCode: string | null }) {
  return [address.addressLine1, address.addressLine2, address.city, [address.state, address.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

function BillingProfileForm({ customerId, profile, onReload }: { customerId: string; profile: CustomerBillingProfile; onReload: () => void }) {
  const styles = useStyles();
  const formStyles = useFormStyles();
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  // The wizard's fields read the wizard's form: this page holds the part of it that it edits.
  const form = useForm<WizardValues>({ defaultValues: valuesOf(profile) });
  const { getValues, setValue, setError, control } = form;
  const [language, culture, state] = useWatch({ control, name: ['language', 'culture', 'state'] });
  const rules = useCountryRules(profile.defaultAddress.country, i18n.language);
  const checkAddress = useValidateAddress();
  const save = useUpdateBillingProfile(customerId);
  const [suggestion, setSuggestion] = useState<SuggestedAddress | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  // One id per attempt to save these values: a retry after a lost answer is the same request.
  const requestId = useRef(uuid());
  const suggestionRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (suggestion) suggestionRef.current?.focus();
  }, [suggestion]);

  const rulesData = rules.data;
  // As in the wizard: what the selects show is one of the country's choices.
  useEffect(() => {
    if (!rulesData) return;
    const supportedLanguage = rulesData.supportedLanguagesList.find((code) => code.toLowerCase() === language.toLowerCase());
    if (supportedLanguage !== language) setValue('language', supportedLanguage ?? rulesData.supportedLanguagesList[0] ?? '');
    const supportedCulture = rulesData.supportedCulturesList.find((code) => code.toLowerCase() === culture.toLowerCase());
    if (supportedCulture !== culture) setValue('culture', supportedCulture ?? rulesData.defaultCulture);
    if (rulesData.stateOptions.length > 0 && state !== '' && !rulesData.stateOptions.some((option) => option.code === state)) {
      const typed = state.trim().toLowerCase();
      setValue('state', rulesData.stateOptions.find((option) => option.code.toLowerCase() === typed || option.name.toLowerCase() === typed)?.code ?? '');
    }
  }, [rulesData, language, culture, state, setValue]);

  const languageNames = useMemo(() => new Intl.DisplayNames([i18n.language], { type: 'language', fallback: 'code' }), [i18n.language]);
  const describe = (code: string) => {
    let name: string | undefined;
    try {
      name = languageNames.of(code);
    } catch {
      name = undefined;
    }
    return name && name !== code ? `${name} (${code})` : code;
  };

  const submit = async (addressAnswered = false) => {
    setFailure(null);
    setStale(false);
    const values = getValues() as ProfileValues;
    try {
      if (!addressAnswered) {
        const answer = await checkAddress.mutateAsync({
          country: values.country,
          addressLine1: values.addressLine1.trim(),
          addressLine2: blankToNull(values.addressLine2),
          city: blankToNull(values.city),
          state: blankToNull(values.state),
          postalCode: blankToNull(values.postalCode),
        });
        const suggested = answer.suggestedAddresses[0];
        const same = (a: string | null, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();
        if (suggested && !(same(suggested.addressLine1, values.addressLine1) && same(suggested.addressLine2, values.addressLine2) && same(suggested.city, values.city) && same(suggested.state, values.state) && same(suggested.postalCode, values.postalCode))) {
          setSuggestion(suggested);
          return;
        }
      }
      await save.mutateAsync({ customerId, etag: profile.attributes.etag, body: bodyOf(values), requestId: requestId.current });
      void navigate(`/customers/${customerId}`, { state: { billingProfileSaved: true } });
    } catch (error) {
      requestId.current = uuid();
      if (isApiError(error, 412)) {
        setStale(true);
        return;
      }
      let focused = false;
      let landed = false;
      if (isApiError(error)) {
        for (const fieldError of error.fieldErrors) {
          const field = fieldOfPath(fieldError.field);
          if (!field) continue;
          setError(field, { type: fieldError.code, message: fieldError.message }, { shouldFocus: !focused });
          focused = true;
          landed = true;
        }
      }
      if (!landed) setFailure(error);
    }
  };

  const useSuggestion = () => {
    if (!suggestion) return;
    setValue('addressLine1', suggestion.addressLine1);
    setValue('addressLine2', suggestion.addressLine2 ?? '');
    setValue('city', suggestion.city ?? '');
    setValue('state', suggestion.state ?? '');
    setValue('postalCode', suggestion.postalCode ?? '');
    setSuggestion(null);
    void submit(true);
  };
  const keepEntered = () => {
    setSuggestion(null);
    void submit(true);
  };

  const stateOptions = rulesData?.stateOptions ?? [];
  const callingCode = rulesData?.countryCallingCodesList[0];
  const busy = checkAddress.isPending || save.isPending;
  return (
    <FormProvider {...form}>
      <form
        className={styles.sections}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {stale ? (
          <MessageBar intent="warning" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{t('customerDetail.billingProfile.staleTitle')}</MessageBarTitle>
              {t('customerDetail.billingProfile.staleBody')}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={onReload}>{t('customerDetail.billingProfile.reload')}</Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        {failure ? (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{errorMessage(failure)}</MessageBarBody>
          </MessageBar>
        ) : null}
        <Panel aria-labelledby="billing-address-heading">
          <PanelHeading id="billing-address-heading">{t('customerDetail.billingProfile.addressSection')}</PanelHeading>
          <div className={formStyles.grid}>
            <Field label={t('onboarding.account.country')} hint={t('customerDetail.billingProfile.countryFixed')} className={formStyles.full}>
              <Input value={format.region(profile.defaultAddress.country)} readOnly />
            </Field>
            <TextField name="companyName" label={t('onboarding.account.companyName')} required autoComplete="organization" className={formStyles.full} />
            <TextField name="addressLine1" label={t('onboarding.account.addressLine1')} required autoComplete="address-line1" className={formStyles.full} />
            <TextField name="addressLine2" label={t('onboarding.account.addressLine2')} autoComplete="address-line2" className={formStyles.full} />
            <TextField name="city" label={t('onboarding.account.city')} required={rulesData?.isCityRequired ?? true} autoComplete="address-level2" />
            {stateOptions.length > 0 ? (
              <SelectField
                name="state"
                label={t('onboarding.account.state')}
                required={rulesData?.isStateRequired ?? false}
                placeholder={t('onboarding.account.chooseState')}
                options={stateOptions.map((option) => ({ value: option.code, label: option.name }))}
              />
            ) : rulesData?.isStateRequired ? (
              <TextField name="state" label={t('onboarding.account.state')} required autoComplete="address-level1" />
            ) : null}
            {rulesData === undefined || rulesData.postalCodeRegex !== null || rulesData.isPostalCodeRequired ? (
              <TextField name="postalCode" label={t('onboarding.account.postalCode')} required={rulesData?.isPostalCodeRequired ?? false} autoComplete="postal-code" />
            ) : null}
            {suggestion ? (
              <div className={formStyles.full} ref={suggestionRef} tabIndex={-1} aria-labelledby="address-suggestion-title">
                <MessageBar intent="info" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle id="address-suggestion-title">{t('onboarding.account.addressSuggestion.title')}</MessageBarTitle>
                    {t('onboarding.account.addressSuggestion.body')} <span className={styles.suggestion}>{formatAddress(suggestion)}</span>
                  </MessageBarBody>
                  <MessageBarActions>
                    <Button appearance="primary" onClick={useSuggestion}>
                      {t('onboarding.account.addressSuggestion.use')}
                    </Button>
                    <Button onClick={keepEntered}>{t('onboarding.account.addressSuggestion.keep')}</Button>
                  </MessageBarActions>
                </MessageBar>
              </div>
            ) : null}
          </div>
        </Panel>
        <Panel aria-labelledby="billing-contact-heading">
          <PanelHeading id="billing-contact-heading">{t('onboarding.account.contactSection')}</PanelHeading>
          <div className={formStyles.grid}>
            <TextField name="firstName" label={t('onboarding.account.firstName')} required autoComplete="given-name" />
            <TextField name="lastName" label={t('onboarding.account.lastName')} required autoComplete="family-name" />
            <TextField name="email" label={t('onboarding.account.email')} required type="email" inputMode="email" autoComplete="email" hint={t('onboarding.account.emailHint')} />
            <TextField
              name="phoneNumber"
              label={t('onboarding.account.phone')}
              required={rulesData?.isPhoneRequired ?? false}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              hint={callingCode ? t('onboarding.account.phoneHint', { code: callingCode }) : undefined}
            />
            <SelectField name="language" label={t('onboarding.account.language')} required options={(rulesData?.supportedLanguagesList ?? [language]).map((code) => ({ value: code, label: describe(code) }))} />
            <SelectField
              name="culture"
              label={t('onboarding.account.culture')}
              required
              hint={t('onboarding.account.cultureHint')}
              options={(rulesData?.supportedCulturesList ?? [culture]).map((code) => ({ value: code, label: describe(code) }))}
            />
          </div>
        </Panel>
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
            {busy ? t('customerDetail.billingProfile.saving') : t('customerDetail.billingProfile.save')}
          </Button>
          <LinkButton appearance="subtle" to={`/customers/${customerId}`}>
            {t('customerDetail.billingProfile.cancel')}
          </LinkButton>
        </div>
      </form>
    </FormProvider>
  );
}

function BillingProfilePage({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const profile = useBillingProfile(customerId);
  // A new read (after a 412) starts the form again from what is saved now.
  const [generation, setGeneration] = useState(0);
  const title = t('customerDetail.billingProfile.title');
  if (!user.actions.includes('customers.edit')) {
    return (
      <>
        <PageHeader title={title} description={t('customerDetail.billingProfile.notAllowed')} />
        <LinkButton to={`/customers/${customerId}`}>{t('customerDetail.billingProfile.back')}</LinkButton>
      </>
    );
  }
  if (profile.isPending) return <Loading />;
  if (profile.isError) {
    return (
      <>
        <PageHeader title={title} />
        <QueryError title={t('customerDetail.billingProfile.loadFailed')} error={profile.error} onRetry={() => void profile.refetch()} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={title} description={profile.data.companyName} />
      <BillingProfileForm
        key={`${profile.data.attributes.etag}:${generation}`}
        customerId={customerId}
        profile={profile.data}
        onReload={() => {
          void profile.refetch().then(() => setGeneration((n) => n + 1));
        }}
      />
    </>
  );
}

export function Component() {
  const { customerId = '' } = useParams();
  const { t } = useTranslation();
  if (!GUID.test(customerId)) return <PageHeader title={t('customerDetail.notFound.title')} description={t('customerDetail.notFound.body')} />;
  return <BillingProfilePage key={customerId} customerId={customerId} />;
}
