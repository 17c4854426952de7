import type { Messages } from '../../../app/locales/en-US.ts';

/** 客戶清單的搜尋、篩選、排序與匯出。 */
export const customersListZhTW: Messages['customersList'] = {
  filters: '篩選與排序客戶',
  country: '國家/地區',
  allCountries: '所有國家/地區',
  reseller: '間接轉售商',
  allResellers: '所有間接轉售商',
  inactiveReseller: '{{name}}（{{state}}）',
  sort: '排序方式',
  sorts: {
    nameAscending: '公司名稱，A 到 Z',
    nameDescending: '公司名稱，Z 到 A',
    newest: '新增日期，由新到舊',
    oldest: '新增日期，由舊到新',
  },
  exportCsv: '匯出 CSV',
  noMatchesTitle: '沒有符合這些篩選條件的客戶',
  noMatchesBody: '請變更篩選條件，或清除篩選條件以查看所有客戶。',
  clearFilters: '清除搜尋與篩選條件',
  resellersFailed: '無法載入您的間接轉售商，因此無法依轉售商篩選清單。',
  requestRelationship: '要求合作關係',
  countryViaReseller: '{{country}} · 透過 {{name}}',
};
