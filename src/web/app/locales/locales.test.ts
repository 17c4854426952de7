import { describe, expect, it } from 'vitest';
import { activityLogEnUS } from '../../features/activity-log/locales/en-US.ts';
import { customerDetailEnUS } from '../../features/customers/locales/en-US.ts';
import { customersListEnUS } from '../../features/customers/locales/list-en-US.ts';
import { relationshipsEnUS } from '../../features/relationships/locales/en-US.ts';
import { teamEnUS } from '../../features/team/locales/en-US.ts';
import { accountEnUS } from '../../features/account/locales/en-US.ts';
import { subscriptionEnUS } from '../../features/subscriptions/locales/en-US.ts';
import { appsEnUS } from '../../features/apps/locales/en-US.ts';
import { addSubscriptionsEnUS } from '../../features/add-subscriptions/locales/en-US.ts';
import { enUS as bundled } from './en-US.ts';
import { zhTW } from './zh-TW.ts';

// Every English string, also those a feature brings with its own code.
const enUS = { ...bundled, customerDetail: customerDetailEnUS, customersList: customersListEnUS, activityLog: activityLogEnUS, relationships: relationshipsEnUS, team: teamEnUS, account: accountEnUS, subscription: subscriptionEnUS, apps: appsEnUS, addSubscriptions: addSubscriptionsEnUS };

/** Every leaf as [dotted key, text]. */
function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]: [string, unknown]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value as object, `${prefix}${key}.`),
  );
}

describe('zh-TW resources', () => {
  // The type makes zh-TW have every key; this makes sure each one is actually translated.
  it('translate every English sentence', () => {
    const chinese = new Map(leaves(zhTW));
    const sameAsEnglish = leaves(enUS)
      .filter(([key, text]) => chinese.get(key) === text)
      .map(([key]) => key);
    // Names that are the same in both languages, and a pattern with no words.
    expect(sameAsEnglish).toEqual(['app.name', 'languages.en-US', 'languages.zh-TW', 'customerDetail.orders.lineItem']);
  });

  it('keep the same interpolation placeholders', () => {
    const chinese = new Map(leaves(zhTW));
    const placeholders = (text: string) => [...text.matchAll(/\{\{[^}]+\}\}/g)].map((m) => m[0]).sort();
    for (const [key, text] of leaves(enUS)) {
      expect(placeholders(chinese.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });
});

describe('zh-TW wording', () => {
  /**
   * One word for one thing across the portal (Partner Center's zh-TW): 訂閱 (subscription), 暫時密碼
   * (temporary password), 轉售商 (reseller), 識別碼 (an ID), 姓名 (a person's name). The variants seen before are refused.
   */
  const variants: [RegExp, string][] = [
    [/訂用帳戶/, '訂閱'],
    [/臨時密碼/, '暫時密碼'],
    [/轉銷商/, '轉售商'],
    [/(客戶|合作夥伴|租用戶|要求)\s*ID/, '…識別碼'],
  ];

  it('uses one word for each thing, in every feature', () => {
    const found = leaves(zhTW).flatMap(([key, text]) => variants.filter(([pattern]) => pattern.test(text)).map(([, word]) => `${key}: “${text}” (use ${word})`));
    expect(found).toEqual([]);
  });

  it('calls a person’s name 姓名', () => {
    const chinese = new Map(leaves(zhTW));
    expect(chinese.get('account.profile.name')).toBe('姓名');
    expect(chinese.get('onboarding.errors.name_required')).toContain('姓名');
  });
});

