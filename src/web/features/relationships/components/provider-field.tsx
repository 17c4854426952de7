import { Field, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../app/session.tsx';

interface Provider { id: string; name: string }

/** Whom a reseller may name: its active indirect providers (none for other kinds of partner). */
export type ProviderChoice = { kind: 'none' } | { kind: 'reseller'; providers: Provider[]; failed: boolean };

/** A reseller's choice of the indirect provider the customer accepts together with it. */
export function ProviderField({
  providers,
  value,
  onChange,
  validationMessage,
}: {
  providers: Extract<ProviderChoice, { kind: 'reseller' }>;
  value: string | null;
  onChange: (id: string | null) => void;
  validationMessage?: string | undefined;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const hint = providers.failed
    ? t('relationships.provider.loadFailed')
    : providers.providers.length === 0
      ? t('relationships.provider.noneActive')
      : t('relationships.provider.hint');
  return (
    <Field label={t('relationships.provider.label')} hint={hint} validationMessage={validationMessage}>
      <Select value={value ?? ''} disabled={providers.providers.length === 0} onChange={(_event, data) => onChange(data.value === '' ? null : data.value)}>
        <option value="">{t('relationships.provider.none', { name: user.partner.name })}</option>
        {providers.providers.map((provider) => (
          <option key={provider.id} value={provider.id}>
            {provider.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
