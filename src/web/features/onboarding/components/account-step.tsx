import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Open16Regular } from '@fluentui/react-icons';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { FieldErrorBody } from '#contracts/common.ts';
import type { CountryValidationRules } from '#contracts/countries.ts';
import { useErrorMessage } from '../../../app/errors.ts';
import { useFormatters } from '../../../app/format.ts';
import { useDebouncedValue } from '../../../app/use-debounced-value.ts';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import { useActiveResellers } from '../api/get-active-resellers.ts';
import { useCountryRules } from '../api/get-country-rules.ts';
import { useDomainAvailability } from '../api/get-domain-availability.ts';
import { useLatestAgreement } from '../api/get-latest-agreement.ts';
import { useValidateAddress, type SuggestedAddress } from '../api/validate-address.ts';
import { useValidateOnboarding } from '../api/validate-onboarding.ts';
import { addressKey, clientErrors, localToday, stepOfPath, structuralErrors, toRequestBody, type WizardValues } from '../wizard-form.ts';
import { SelectField, TextField, useFieldError, useFormStyles } from './fields.tsx';
import { StepActions } from './step-actions.tsx';
import { useWizard } from './wizard-context.ts';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  suffix: { color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
  agreementLink: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'none',
    fontSize: tokens.fontSizeBase300,
    ':hover': { color: tokens.colorBrandForegroundLinkHover, textDecorationLine: 'underline' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusMedium },
  },
  subheading: { margin: 0 },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  suggestion: { fontWeight: tokens.fontWeightSemibold },
});

const DOMAIN_PREFIX = /^[a-z0-9]{1,27}$/;


// Shown only after a failed check, or for a domain that is already a customer's: loaded then.
const ErrorSummary = lazy(() => import('./error-summary.tsx').then((module) => ({ default: module.ErrorSummary })));
const YourCustomerNotice = lazy(() => import('./wizard-notices.tsx').then((module) => ({ default: module.YourCustomerNotice })));
const TakenDomainNotice = lazy(() => import('./wizard-notices.tsx').then((module) => ({ default: module.TakenDomainNotice })));

// US Government partners only: kept out of the chunk everyone else loads.
const EligibilitySection = lazy(() => import('./eligibility-section.tsx').then((module) => ({ default: module.EligibilitySection })));

function languageNames(locale: string, type: 'language') {
  try {
    return new Intl.DisplayNames([locale], { type, fallback: 'code' });
  } catch {
    return null;
  }
}

function formatAddress(address: { addressLine1: string; addressLine2: string | null; city: string | null; state: string | null; postalCode: string | null }): string {
  return [address.addressLine1, address.addressLine2, address.city, [address.state, address.postalCode].filter(Boolean).join(' ')].filter((part) => part !== null && part !== '').join(', ');
}

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').trim() === (b ?? '').trim();

function suggestionDiffers(suggestion: SuggestedAddress, values: WizardValues): boolean {
  return !(
    same(suggestion.addressLine1, values.addressLine1) &&
    same(suggestion.addressLine2, values.addressLine2) &&
    same(suggestion.city, values.city) &&
    same(suggestion.state, values.state) &&
    same(suggestion.postalCode, values.postalCode)
  );
}

/** Step 1: the company, its address and primary contact, the agreement, the reseller. */
export function AccountStep() {
  const styles = useStyles();
  const formStyles = useFormStyles();
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const errorMessage = useErrorMessage();
  const wizard = useWizard();
  const { partner, bodyContext } = wizard;
  const { control, getValues, setValue, clearErrors, getFieldState } = useFormContext<WizardValues>();
  const [country, domain, firstName, lastName, email, phoneNumber, signerEdited] = useWatch({
    control,
    name: ['country', 'domain', 'firstName', 'lastName', 'email', 'phoneNumber', 'signerEdited'],
  });
  const [language, culture, state] = useWatch({ control, name: ['language', 'culture', 'state'] });
  const rules = useCountryRules(country, i18n.language);
  const isUsgov = partner.instance === 'usgov';
  const isProvider = partner.kind === 'indirect_provider';
  const agreement = useLatestAgreement(!isUsgov);
  const resellers = useActiveResellers(isProvider);
  const validate = useValidateOnboarding();
  const checkAddress = useValidateAddress();
  const [summary, setSummary] = useState<{ general: FieldErrorBody[] } | null>(null);
  const [suggestion, setSuggestion] = useState<SuggestedAddress | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const suggestionRef = useRef<HTMLDivElement>(null);

  // The country decides the language, culture and state lists: the form's value is always one of
  // them (the choice when it is there, else the country's default), so what the selects show is
  // what is submitted.
  const rulesData = rules.data;
  useEffect(() => {
    if (!rulesData || rulesData.iso2Code !== country) return;
    const supportedLanguage = rulesData.supportedLanguagesList.find((code) => code.toLowerCase() === language.toLowerCase());
    if (supportedLanguage !== language) setValue('language', supportedLanguage ?? rulesData.supportedLanguagesList[0] ?? '');
    const supportedCulture = rulesData.supportedCulturesList.find((code) => code.toLowerCase() === culture.toLowerCase());
    if (supportedCulture !== culture) setValue('culture', supportedCulture ?? rulesData.defaultCulture);
    const typedState = state.trim().toLowerCase();
    if (rulesData.stateOptions.length > 0 && state !== '' && !rulesData.stateOptions.some((option) => option.code === state)) {
      const match = rulesData.stateOptions.find((option) => option.code.toLowerCase() === typedState || option.name.toLowerCase() === typedState);
      setValue('state', match?.code ?? '');
    } else if (rulesData.stateOptions.length === 0 && !rulesData.isStateRequired && state !== '') {
      setValue('state', ''); // no state field in this country: nothing hidden is submitted
    }
  }, [rulesData, country, language, culture, state, setValue]);

  // A new country: the language and culture become its defaults (filled in above once its rules
  // are in), unless the user had chosen others, which are kept where the new country supports them.
  const resetForCountry = (previous: CountryValidationRules | undefined) => {
    const values = getValues();
    if (previous === undefined || values.language === previous.supportedLanguagesList[0]) setValue('language', '');
    if (previous === undefined || values.culture === previous.defaultCulture) setValue('culture', '');
    setValue('state', '');
    setSuggestion(null);
  };

  // Opened from a reseller's row (?reseller=): start in the reseller's country where the partner sells there.
  const [params] = useSearchParams();
  const preselected = useRef(false);
  const resellerList = resellers.data;
  useEffect(() => {
    if (preselected.current || resellerList === undefined) return;
    preselected.current = true;
    const wanted = params.get('reseller');
    if (wanted === null || params.get('draft') !== null || getFieldState('country').isDirty) return;
    const location = resellerList.find((reseller) => reseller.id === wanted)?.location.toUpperCase();
    if (location === undefined || !partner.markets.includes(location) || location === getValues('country')) return;
    const previous = rulesData;
    setValue('country', location);
    resetForCountry(previous);
  });

  // The signer follows the primary contact until it is changed by hand. A copied value is a new entry:
  // like typing, it clears the error the last check left on that field.
  useEffect(() => {
    if (signerEdited) return;
    const copies = { signerFirstName: firstName, signerLastName: lastName, signerEmail: email, signerPhoneNumber: phoneNumber } as const;
    for (const [name, value] of Object.entries(copies) as [keyof typeof copies, string][]) {
      if (getValues(name) === value) continue;
      setValue(name, value);
      clearErrors(name);
    }
  }, [signerEdited, firstName, lastName, email, phoneNumber, getValues, setValue, clearErrors]);

  useEffect(() => {
    if (suggestion) suggestionRef.current?.focus();
  }, [suggestion]);

  // The live domain check.
  const prefix = domain.trim().toLowerCase();
  const settled = useDebouncedValue(prefix, 400);
  const wellFormed = DOMAIN_PREFIX.test(settled);
  const availability = useDomainAvailability(wellFormed ? settled : null);
  const fullDomain = `${prefix}.${partner.domainSuffix}`;
  let domainStatus: { text: string; state: 'success' | 'warning' | 'none' } | null = null;
  if (prefix !== '') {
    if (prefix !== settled || (wellFormed && (availability.isFetching || availability.data?.domain.split('.')[0] !== settled))) {
      domainStatus = availability.isError && prefix === settled ? null : { text: t('onboarding.account.domainChecking', { domain: fullDomain }), state: 'none' };
    } else if (!wellFormed) {
      domainStatus = { text: t('onboarding.account.domainInvalid'), state: 'warning' };
    } else if (availability.data) {
      domainStatus = availability.data.available
        ? { text: t('onboarding.account.domainAvailable', { domain: fullDomain }), state: 'success' }
        : availability.data.yourCustomer !== null
          ? { text: t('onboarding.account.domainYours', { domain: fullDomain, name: availability.data.yourCustomer.companyName }), state: 'warning' }
          : { text: t('onboarding.account.domainTaken', { domain: fullDomain }), state: 'warning' };
    }
  }

  const checked = prefix === settled && wellFormed && availability.data?.domain.split('.')[0] === settled ? availability.data : null;
  const yourCustomer = checked?.yourCustomer ?? null;
  const takenElsewhere = checked !== null && !checked.available && checked.yourCustomer === null;

  const languageDisplay = useMemo(() => languageNames(i18n.language, 'language'), [i18n.language]);
  const describe = (code: string) => {
    const name = languageDisplay?.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  };

  const onCountryChange = (next: string) => {
    if (next !== rulesData?.iso2Code) resetForCountry(rulesData);
  };

  const next = async (addressAnswered = false) => {
    setFailure(null);
    const values = getValues();
    const body = toRequestBody(values, bodyContext, { lineItems: false });
    const structural = structuralErrors(body);
    const errors = [...structural, ...clientErrors(values, bodyContext, new Map(), 'account')];
    try {
      if (structural.length === 0) {
        const answer = await validate.mutateAsync(body);
        errors.push(...answer.errors.filter((error) => stepOfPath(error.field) === 'account'));
      }
      if (errors.length > 0) {
        setSuggestion(null);
        const general = wizard.applyErrors(errors);
        setSummary({ general });
        return;
      }
      setSummary(null);
      const key = addressKey(values);
      if (!addressAnswered && values.addressReviewed !== key) {
        const answer = await checkAddress.mutateAsync({
          country: values.country,
          addressLine1: values.addressLine1.trim(),
          addressLine2: values.addressLine2.trim() || null,
          city: values.city.trim() || null,
          state: values.state.trim() || null,
          postalCode: values.postalCode.trim() || null,
        });
        const suggested = answer.suggestedAddresses[0];
        if (suggested && suggestionDiffers(suggested, values)) {
          setSuggestion(suggested);
          return;
        }
      }
      wizard.goTo(wizard.returnToReview ? 'review' : 'subscriptions');
    } catch (error) {
      setFailure(error);
    }
  };

  const useSuggestion = () => {
    if (!suggestion) return;
    const options = { shouldDirty: true } as const;
    setValue('addressLine1', suggestion.addressLine1, options);
    setValue('addressLine2', suggestion.addressLine2 ?? '', options);
    setValue('city', suggestion.city ?? '', options);
    setValue('state', suggestion.state ?? '', options);
    setValue('postalCode', suggestion.postalCode ?? '', options);
    setValue('addressReviewed', addressKey(getValues()), options);
    setSuggestion(null);
    void next(true);
  };
  const keepEntered = () => {
    setValue('addressReviewed', addressKey(getValues()), { shouldDirty: true });
    setSuggestion(null);
    void next(true);
  };

  const markets = [...partner.markets].sort((a, b) => format.region(a).localeCompare(format.region(b), i18n.language));
  const stateOptions = rulesData?.stateOptions ?? [];
  const registrationFormat = rulesData?.registrationNumberFormat ?? null;
  const callingCode = rulesData?.countryCallingCodesList[0];
  const busy = validate.isPending || checkAddress.isPending;

  return (
    <div className={styles.sections}>
      {summary ? (
        <Suspense fallback={null}>
          <ErrorSummary general={summary.general} />
        </Suspense>
      ) : null}
      {failure ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{errorMessage(failure)}</MessageBarBody>
        </MessageBar>
      ) : null}

      <Panel aria-labelledby="company-heading">
        <PanelHeading id="company-heading">{t('onboarding.account.companySection')}</PanelHeading>
        <div className={formStyles.grid}>
          {markets.length === 1 ? (
            <Field label={t('onboarding.account.country')} hint={t('onboarding.account.countryFixed')} className={formStyles.full}>
              <Input value={format.region(country)} readOnly />
            </Field>
          ) : (
            <SelectField
              name="country"
              label={t('onboarding.account.country')}
              hint={t('onboarding.account.countryHint')}
              required
              className={formStyles.full}
              options={markets.map((code) => ({ value: code, label: format.region(code) }))}
              onValueChange={onCountryChange}
            />
          )}
          {rules.isError ? (
            <MessageBar intent="error" className={formStyles.full}>
              <MessageBarBody>
                {t('onboarding.account.rulesFailed')} {errorMessage(rules.error)}
              </MessageBarBody>
              <MessageBarActions>
                <Button onClick={() => void rules.refetch()}>{t('app.retry')}</Button>
              </MessageBarActions>
            </MessageBar>
          ) : null}
          <TextField name="companyName" label={t('onboarding.account.companyName')} required autoComplete="organization" className={formStyles.full} />
          <TextField
            name="domain"
            label={t('onboarding.account.domain')}
            required
            hint={t('onboarding.account.domainHint')}
            className={formStyles.full}
            contentAfter={<Text className={styles.suffix}>.{partner.domainSuffix}</Text>}
            status={domainStatus}
          />
          {yourCustomer ? (
            <Suspense fallback={null}>
              <YourCustomerNotice customer={yourCustomer} className={formStyles.full} />
            </Suspense>
          ) : null}
          {takenElsewhere ? (
            <Suspense fallback={null}>
              <TakenDomainNotice domain={fullDomain} className={formStyles.full} />
            </Suspense>
          ) : null}
          <div aria-live="polite" className={styles.visuallyHidden}>
            {domainStatus && domainStatus.state !== 'none' ? domainStatus.text : ''}
          </div>
          <TextField name="addressLine1" label={t('onboarding.account.addressLine1')} required autoComplete="address-line1" className={formStyles.full} />
          <TextField name="addressLine2" label={t('onboarding.account.addressLine2')} autoComplete="address-line2" className={formStyles.full} />
          <TextField name="city" label={t('onboarding.account.city')} required={rulesData?.isCityRequired ?? true} autoComplete="address-level2" />
          {stateOptions.length > 0 ? (
            <SelectField
              name="state"
              label={t('onboarding.account.state')}
              required={rulesData?.isStateRequired ?? false}
              placeholder={t('onboarding.account.chooseState')}
              options={stateOptions.map((state) => ({ value: state.code, label: state.name }))}
            />
          ) : rulesData?.isStateRequired ? (
            <TextField name="state" label={t('onboarding.account.state')} required autoComplete="address-level1" />
          ) : null}
          {rulesData === undefined || rulesData.postalCodeRegex !== null || rulesData.isPostalCodeRequired ? (
            <TextField name="postalCode" label={t('onboarding.account.postalCode')} required={rulesData?.isPostalCodeRequired ?? false} autoComplete="postal-code" />
          ) : null}
          {rulesData?.isRegistrationNumberSupported ? (
            <TextField
              name="organizationRegistrationNumber"
              label={t('onboarding.account.registrationNumber')}
              required={rulesData.isRegistrationNumberRequired}
              hint={[
                rulesData.isRegistrationNumberRequired ? t('onboarding.account.registrationNumberHint', { country: format.region(country) }) : '',
                registrationFormat ? t('onboarding.countryFields.registrationFormat', registrationFormat) : '',
              ].filter(Boolean).join(i18n.language.startsWith('zh') ? '' : ' ') || undefined}
            />
          ) : null}
          {suggestion ? (
            <div className={formStyles.full} ref={suggestionRef} tabIndex={-1} aria-labelledby="address-suggestion-title">
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle id="address-suggestion-title">{t('onboarding.account.addressSuggestion.title')}</MessageBarTitle>
                  {t('onboarding.account.addressSuggestion.body')} <span className={styles.suggestion}>{formatAddress(suggestion)}</span>
                  <br />
                  {t('onboarding.account.addressSuggestion.entered', {
                    address: formatAddress({
                      addressLine1: getValues('addressLine1'),
                      addressLine2: getValues('addressLine2'),
                      city: getValues('city'),
                      state: getValues('state'),
                      postalCode: getValues('postalCode'),
                    }),
                  })}
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

      <Panel aria-labelledby="contact-heading">
        <PanelHeading id="contact-heading">{t('onboarding.account.contactSection')}</PanelHeading>
        <Text className={formStyles.sectionDescription}>{t('onboarding.account.contactDescription')}</Text>
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
          <SelectField
            name="language"
            label={t('onboarding.account.language')}
            required
            options={(rulesData?.supportedLanguagesList ?? []).map((code) => ({ value: code, label: describe(code) }))}
          />
          <SelectField
            name="culture"
            label={t('onboarding.account.culture')}
            required
            hint={t('onboarding.account.cultureHint')}
            options={(rulesData?.supportedCulturesList ?? []).map((code) => ({ value: code, label: describe(code) }))}
          />
        </div>
      </Panel>

      {isUsgov ? (
        <Suspense fallback={<Spinner size="tiny" />}>
          <EligibilitySection />
        </Suspense>
      ) : <AgreementSection link={agreement.data?.agreementLink ?? null} loaded={agreement.isSuccess} />}

      {isProvider ? (
        <Panel aria-labelledby="reseller-heading">
          <PanelHeading id="reseller-heading">{t('onboarding.reseller.section')}</PanelHeading>
          <Text className={formStyles.sectionDescription}>{t('onboarding.reseller.description')}</Text>
          {resellers.isError ? (
            <MessageBar intent="error">
              <MessageBarBody>
                {t('onboarding.reseller.loadFailed')} {errorMessage(resellers.error)}
              </MessageBarBody>
              <MessageBarActions>
                <Button onClick={() => void resellers.refetch()}>{t('app.retry')}</Button>
              </MessageBarActions>
            </MessageBar>
          ) : resellers.isPending ? (
            <Spinner size="tiny" label={t('app.loading')} />
          ) : (
            <div className={formStyles.grid}>
              <SelectField
                name="resellerId"
                label={t('onboarding.reseller.label')}
                hint={resellers.data.length === 0 ? t('onboarding.reseller.empty') : undefined}
                placeholder={t('onboarding.reseller.none')}
                options={resellers.data.map((reseller) => ({ value: reseller.id, label: t('onboarding.reseller.option', { name: reseller.name, mpnId: reseller.mpnId }) }))}
              />
            </div>
          )}
        </Panel>
      ) : null}

      <StepActions
        primary={wizard.returnToReview ? t('onboarding.actions.nextReview') : t('onboarding.actions.nextSubscriptions')}
        busy={busy}
        busyLabel={t('onboarding.actions.checking')}
        onPrimary={() => void next()}
        onCancel={wizard.requestCancel}
      />
    </div>
  );
}

function AgreementSection({ link, loaded }: { link: string | null; loaded: boolean }) {
  const styles = useStyles();
  const formStyles = useFormStyles();
  const { t } = useTranslation();
  const { control, setValue, clearErrors } = useFormContext<WizardValues>();
  const acceptedError = useFieldError('agreementAccepted');
  const markEdited = () => setValue('signerEdited', true, { shouldDirty: true });
  return (
    <Panel aria-labelledby="agreement-heading">
      <PanelHeading id="agreement-heading">{t('onboarding.agreement.section')}</PanelHeading>
      <Text className={formStyles.sectionDescription}>{t('onboarding.agreement.description')}</Text>
      {loaded && link === null ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('onboarding.agreement.noTemplate')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={formStyles.grid}>
        <Field required validationMessage={acceptedError} className={formStyles.full}>
          <Controller
            control={control}
            name="agreementAccepted"
            render={({ field }) => (
              <Checkbox
                ref={field.ref}
                name={field.name}
                checked={field.value}
                onBlur={field.onBlur}
                onChange={(_event, data) => {
                  clearErrors('agreementAccepted');
                  field.onChange(data.checked === true);
                }}
                label={t('onboarding.agreement.accepted')}
              />
            )}
          />
        </Field>
        {link ? (
          // A plain anchor styled as Fluent's link: Fluent's Link would add its own chunk to the first load.
          <a href={link} target="_blank" rel="noopener noreferrer" className={mergeClasses(formStyles.full, styles.agreementLink)}>
            {t('onboarding.agreement.link')}
            <Open16Regular aria-hidden />
            <span className={styles.visuallyHidden}>{t('onboarding.agreement.newWindow')}</span>
          </a>
        ) : null}
        <TextField name="dateAgreed" label={t('onboarding.agreement.date')} required type="date" max={localToday()} hint={t('onboarding.agreement.dateHint')} />
      </div>
      <Text as="h3" size={400} weight="semibold" className={styles.subheading}>
        {t('onboarding.agreement.signer')}
      </Text>
      <Text className={formStyles.sectionDescription}>{t('onboarding.agreement.signerDescription')}</Text>
      <div className={formStyles.grid}>
        <TextField name="signerFirstName" label={t('onboarding.agreement.signerFirstName')} required onValueChange={markEdited} />
        <TextField name="signerLastName" label={t('onboarding.agreement.signerLastName')} required onValueChange={markEdited} />
        <TextField name="signerEmail" label={t('onboarding.agreement.signerEmail')} required type="email" inputMode="email" onValueChange={markEdited} />
        <TextField name="signerPhoneNumber" label={t('onboarding.agreement.signerPhone')} type="tel" inputMode="tel" onValueChange={markEdited} />
      </div>
    </Panel>
  );
}
