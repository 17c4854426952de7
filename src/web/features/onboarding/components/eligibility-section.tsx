import '../locales/en-US-later.ts';
import { Field, Text, Textarea } from '@fluentui/react-components';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Panel, PanelHeading } from '../../../app/ui/panel.tsx';
import type { WizardValues } from '../wizard-form.ts';
import { SelectField, useFieldError, useFormStyles } from './fields.tsx';

/** US Government instance: instead of the agreement, why the customer is eligible (SPEC §8). */
export function EligibilitySection() {
  const formStyles = useFormStyles();
  const { t } = useTranslation();
  const { register, clearErrors } = useFormContext<WizardValues>();
  const detailsError = useFieldError('eligibilityDetails');
  return (
    <Panel aria-labelledby="eligibility-heading">
      <PanelHeading id="eligibility-heading">{t('onboarding.eligibility.section')}</PanelHeading>
      <Text className={formStyles.sectionDescription}>{t('onboarding.eligibility.description')}</Text>
      <div className={formStyles.grid}>
        <SelectField
          name="eligibilityType"
          label={t('onboarding.eligibility.type')}
          required
          placeholder={t('onboarding.eligibility.choose')}
          options={[
            { value: 'GovernmentEntity', label: t('onboarding.eligibility.GovernmentEntity') },
            { value: 'RegulatedData', label: t('onboarding.eligibility.RegulatedData') },
          ]}
        />
        <Field label={t('onboarding.eligibility.details')} required hint={t('onboarding.eligibility.detailsHint')} validationMessage={detailsError} className={formStyles.full}>
          <Textarea {...register('eligibilityDetails', { onChange: () => clearErrors('eligibilityDetails') })} resize="vertical" />
        </Field>
      </div>
    </Panel>
  );
}

