import type { Messages } from '../../../app/locales/en-US.ts';

/** 新增訂閱 (zh-TW): Partner Center 的繁體中文用語。 */
export const addSubscriptionsZhTW: Messages['addSubscriptions'] = {
  title: '新增訂閱',
  description: '為 {{company}} 新增訂閱：在{{country}}銷售的供應項目。',
  breadcrumb: '導覽路徑',
  customers: '客戶',
  stepsLabel: '步驟',
  steps: {
    agreement: '客戶合約',
    subscriptions: '訂閱',
    review: '檢閱',
  },
  agreement: {
    intro: '貴組織尚未確認 {{company}} 已接受 Microsoft 客戶合約。請先確認：確認會與訂單一併記錄，若訂單失敗，兩者都不會保留。',
  },
  mayNotOrder: '您的角色無法新增訂閱。貴組織的系統管理員代理人、銷售代理人或全域管理員可以新增。',
  mayNotConfirm: '就貴組織所知，{{company}} 尚未接受 Microsoft 客戶合約，而您的角色無法確認合約。請由貴組織的系統管理員代理人、銷售代理人或全域管理員確認，之後您即可新增訂閱。',
  resellerMayNotConfirm: '{{company}} 沒有 Microsoft 客戶合約的確認。間接轉售商無法確認合約：請由您的間接提供者確認，之後您即可新增訂閱。',
  reseller: {
    title: '間接轉售商',
    through: '透過 {{name}} 銷售：每個訂閱都會以此轉售商的合作夥伴識別碼作為記錄合作夥伴。',
    none: '沒有間接轉售商：訂閱不透過轉售商銷售。若要透過轉售商銷售，請先在客戶頁面使用「變更轉售商」選擇。',
  },
  offersDescription: '選擇要為客戶訂購的供應項目，以及每項的授權數量。',
  chooseOne: '請至少選擇一個供應項目。',
  oneCycle: '一張訂單只有一種計費頻率：請為每個訂閱選擇相同的頻率（目前為{{cycles}}），或分成不同的訂單新增。',
  review: {
    agreementTitle: '客戶合約',
    agreementLine: '{{name}}（{{email}}）於 {{date}} 接受',
    subscriptionsTitle: '訂閱',
    line: '{{name}}：{{quantity}} 個授權',
    submit: '下訂單',
    submitting: '正在下訂單…',
  },
  alreadyConfirmed: '在此期間，貴組織已有人確認了客戶的合約：請檢閱後不含合約確認再次提交。',
  actions: {
    next: '下一步',
    back: '上一步',
    cancel: '取消',
  },
  done: {
    title: '已新增訂閱',
    body_one: '{{company}} 新增了 {{count}} 個訂閱。',
    body_other: '{{company}} 新增了 {{count}} 個訂閱。',
    agreement: 'Microsoft 客戶合約的確認已與訂單一併記錄。',
    line: '{{name}}：{{quantity}} 個授權',
    back: '返回 {{company}}',
  },
  loadFailed: '無法載入客戶。',
};
