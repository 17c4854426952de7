import type { Messages } from '../../../app/locales/en-US.ts';

/** 新增客戶精靈 (zh-TW). */
export const onboardingZhTW: Messages['onboarding'] = {
  title: '新增客戶',
};
