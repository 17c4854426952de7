import type { Messages } from '../../../app/locales/en-US.ts';

/** 客戶詳細資料 (zh-TW). */
export const customerDetailZhTW: Messages['customerDetail'] = {
  title: '客戶',
};
