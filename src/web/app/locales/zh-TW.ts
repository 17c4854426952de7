import { tenantZhTW } from '../../features/tenant/locales/zh-TW.ts';
import { activityLogZhTW } from '../../features/activity-log/locales/zh-TW.ts';
import { appsZhTW } from '../../features/apps/locales/zh-TW.ts';
import { relationshipsZhTW } from '../../features/relationships/locales/zh-TW.ts';
import { subscriptionZhTW } from '../../features/subscriptions/locales/zh-TW.ts';
import { addSubscriptionsZhTW } from '../../features/add-subscriptions/locales/zh-TW.ts';
import { customerDetailZhTW } from '../../features/customers/locales/zh-TW.ts';
import { customerUsersZhTW } from '../../features/customer-users/locales/zh-TW.ts';
import { customersListZhTW } from '../../features/customers/locales/list-zh-TW.ts';
import { onboardingZhTW } from '../../features/onboarding/locales/zh-TW.ts';
import { teamZhTW } from '../../features/team/locales/zh-TW.ts';
import type { Messages } from './en-US.ts';

/**
 * 繁體中文（台灣）. Terms follow Partner Center's zh-TW wording (客戶, 間接轉售商, 帳戶, 登入, 登出).
 * Chinese has one plural form, so `_one` and `_other` read the same.
 */
export const zhTW: Messages = {
  app: {
    name: 'Partnerdesk',
    skipToContent: '跳到主要內容',
    loading: '載入中…',
    retry: '重試',
    copy: '複製',
    copied: '已複製',
    copyFailed: '無法複製：請自行選取文字並複製。',
    notFound: {
      title: '找不到頁面',
      body: '這個網址沒有頁面。請檢查網址，或返回客戶清單。',
      action: '前往客戶',
    },
    crashed: {
      title: '發生錯誤',
      body: '無法顯示此頁面。請重新載入；若仍無法解決，請將要求識別碼提供給您的系統管理員。',
      reload: '重新載入',
    },
  },
  errors: {
    network: '無法連線到伺服器。請檢查網路連線後再試一次。',
    forbidden: '您沒有執行此動作的權限。',
    unknown: '發生錯誤。請稍後再試一次。',
    withRequestId: '{{message}}（要求識別碼：{{requestId}}）',
    throttled: '要求次數過多。請於{{when}}再試一次。',
  },
  shell: {
    navigation: '主要導覽',
    openNavigation: '開啟導覽',
    closeNavigation: '關閉導覽',
    partnerOrganisation: '合作夥伴組織',
    language: '語言',
    userMenu: '{{name}} 的帳戶選單',
    signOut: '登出',
    signingOut: '正在登出…',
    nav: {
      customers: '客戶',
      resellers: '間接轉售商',
      activityLog: '活動記錄',
      settings: '設定',
      account: '帳戶',
    },
  },
  languages: {
    'en-US': 'English (United States)',
    'zh-TW': '繁體中文',
  },
  signIn: {
    title: '登入',
    subtitle: '使用您的合作夥伴帳戶來管理客戶。',
    email: '電子郵件',
    password: '密碼',
    submit: '登入',
    submitting: '正在登入…',
    wrongCredentials: '電子郵件或密碼不正確。請檢查後再試一次。',
    throttled: '登入嘗試次數過多。請於{{when}}再試一次。',
    throttledNoTime: '登入嘗試次數過多。請稍候幾分鐘再試一次。',
    sessionEnded: '您的工作階段已結束。請重新登入以繼續。',
  },
  customers: {
    title: '客戶',
    description: '與貴組織有合作關係的客戶。',
    searchBy: '搜尋依據',
    searchLabel: '搜尋客戶',
    searchPlaceholderCompanyName: '公司名稱的任一部分',
    searchPlaceholderDomain: '網域的任一部分',
    fields: {
      CompanyName: '公司名稱',
      Domain: '網域',
    },
    columns: {
      companyName: '公司',
      domain: '網域',
      country: '國家/地區',
      indirectReseller: '間接轉售商',
      createdAt: '新增日期',
    },
    tableLabel: '客戶',
    noReseller: '無',
    addCustomer: '新增客戶',
    shown_one: '顯示 {{count, number}} 位客戶',
    shown_other: '顯示 {{count, number}} 位客戶',
    loadMore: '載入更多',
    loadingMore: '正在載入更多…',
    emptyTitle: '尚無客戶',
    emptyBody: '您新增的客戶，以及接受您合作關係邀請的客戶，會顯示在這裡。',
    emptyBodyCanAdd: '您新增的客戶，以及接受您合作關係邀請的客戶，會顯示在這裡。請從「新增客戶」開始。',
    noMatchesTitle: '沒有符合「{{query}}」的客戶',
    noMatchesBody: '請檢查拼字，或改搜尋名稱或網域的其他部分。',
    loadFailed: '無法載入客戶。',
    drafts: {
      title: '未完成的客戶',
      description: '您在提交前離開的新增客戶精靈。只有您看得到。',
      untitled: '未命名的草稿',
      savedAt: '{{step}} · 上次儲存時間',
      steps: {
        account: '帳戶資訊',
        subscriptions: '訂閱',
        review: '檢閱',
      },
      resume: '繼續',
      resumeLabel: '繼續 {{name}}',
      discard: '捨棄',
      discardLabel: '捨棄 {{name}}',
      discardDialog: {
        title: '要捨棄「{{name}}」嗎？',
        body: '此草稿中輸入的所有內容都會刪除。此動作無法復原。',
        confirm: '捨棄草稿',
        confirming: '正在捨棄…',
        cancel: '取消',
      },
      // Issue 7: a draft is deleted DRAFT_TTL_DAYS after its last save; the date follows.
      expires: '保留至',
    },
  },
  resellers: {
    title: '間接轉售商',
    description: '與您建立合作關係的間接轉售商。只有作用中的合作關係才能與客戶建立關聯。',
    tableLabel: '間接轉售商',
    columns: {
      name: '名稱',
      mpnId: '合作夥伴識別碼 (MPN)',
      state: '狀態',
      location: '所在地',
      actions: '動作',
    },
    addCustomer: '新增客戶',
    addCustomerLabel: '為 {{name}} 新增客戶',
    states: {
      Active: '作用中',
      Inactive: '非作用中',
      Suspended: '已暫停',
      Terminated: '已終止',
    },
    emptyTitle: '尚無間接轉售商',
    emptyBody: '轉售商接受與貴組織的合作關係後，會顯示在這裡。',
    loadFailed: '無法載入間接轉售商。',
  },
  account: {
    apps: {
      title: '應用程式',
      description: '讓程式以應用程式識別碼與密碼登入，或以重新整理權杖代表您登入，方式與登入合作夥伴中心相同。',
      open: '開啟應用程式',
    },
    title: '帳戶',
    profile: {
      title: '您的個人資料',
      name: '姓名',
      email: '電子郵件',
      roles: '角色',
      partnerName: '合作夥伴組織',
      kind: '合作夥伴類型',
      mpnId: '合作夥伴識別碼 (MPN)',
      instance: '雲端執行個體',
      changePassword: '變更密碼',
    },
    password: {
      title: '變更密碼',
      description: '您的其他工作階段會被登出；目前這個會保持登入。',
      forcedTitle: '請設定您自己的密碼。',
      forced: '您的密碼是由他人設定的。請先設定新密碼再繼續。',
      current: '目前的密碼',
      new: '新密碼',
      newHint: '至少 12 個字元，且包含下列其中三種：小寫字母、大寫字母、數字、符號。',
      submit: '變更密碼',
      submitting: '正在變更…',
      cancel: '取消',
    },
    tokens: {
      title: 'API 權杖',
      description: '程式可使用 API 權杖，以您的身分和角色呼叫 Partnerdesk API。請以「Authorization: Bearer <權杖>」的方式傳送。',
      tableLabel: 'API 權杖',
      create: '建立權杖',
      columns: {
        name: '名稱',
        kind: '類型',
        prefix: '開頭為',
        createdAt: '建立日期',
        expiresAt: '到期日',
        lastUsedAt: '上次使用',
        actions: '動作',
      },
      kinds: {
        personal: '個人',
        access: '登入取得（POST /v1/auth/token）',
      },
      never: '永不',
      notUsed: '尚未使用',
      emptyTitle: '沒有 API 權杖',
      emptyBody: '建立權杖，即可從指令碼或其他系統使用 API。',
      loadFailed: '無法載入 API 權杖。',
      revoke: '撤銷',
      revokeLabel: '撤銷權杖 {{name}}',
      createDialog: {
        title: '建立 API 權杖',
        name: '名稱',
        nameHint: '方便您辨識的名稱，例如使用此權杖的程式。',
        expiresIn: '到期',
        expiresInDays_one: '{{count}} 天後',
        expiresInDays_other: '{{count}} 天後',
        noExpiry: '永不到期',
        submit: '建立',
        submitting: '正在建立…',
        cancel: '取消',
      },
      created: {
        title: '已建立權杖',
        warningTitle: '請立即複製權杖。',
        warning: '權杖只會顯示這一次：Partnerdesk 只保留其指紋，之後無法再次顯示。',
        tokenLabel: 'API 權杖 {{name}}',
        done: '完成',
      },
      revokeDialog: {
        title: '要撤銷「{{name}}」嗎？',
        body: '使用此權杖的程式會立即停止運作。此動作無法復原。',
        confirm: '撤銷權杖',
        confirming: '正在撤銷…',
        cancel: '取消',
      },
    },
  },
  roles: {
    global_admin: '全域管理員',
    admin_agent: '系統管理員代理人',
    sales_agent: '銷售代理人',
    helpdesk_agent: '技術支援代理人',
    billing_admin: '帳務管理員',
  },
  partnerKinds: {
    direct: '直接計費合作夥伴',
    indirect_provider: '間接提供者',
    indirect_reseller: '間接轉售商',
  },
  instances: {
    public: '公用雲端',
    usgov: '美國政府',
  },
  onboarding: onboardingZhTW,
  customerDetail: customerDetailZhTW,
  customerUsers: customerUsersZhTW,
  customersList: customersListZhTW,
  tenant: tenantZhTW,
  activityLog: activityLogZhTW,
  apps: appsZhTW,
  relationships: relationshipsZhTW,
  team: teamZhTW,
  subscription: subscriptionZhTW,
  addSubscriptions: addSubscriptionsZhTW,
};

/**
 * Messages written in the shared zod schemas and sent by the server are English sentences; this maps
 * them to Traditional Chinese. A message missing here is shown in English.
 */
export const zhTWServerMessages: Record<string, string> = {
  'Enter an email address such as name@example.com.': '請輸入電子郵件地址，例如 name@example.com。',
  'Enter your password.': '請輸入密碼。',
  'Give the token a name.': '請為權杖命名。',
  'Use at most 100 characters.': '最多可使用 100 個字元。',
  // The invitation form's (src/contracts/relationships.ts).
  'Enter the name of the person who receives the invitation.': '請輸入收到邀請的人的姓名。',
  'recipientName must be at most 128 characters': '收件者姓名最多 128 個字元。',
  'message must be at most 2,000 characters': '訊息最多 2,000 個字元。',
  'Relationship requests are not available in this cloud instance; the operator can turn them on (USGOV_RELATIONSHIP_REQUESTS).': '此雲端執行個體無法使用合作關係要求；營運者可以開啟此功能（USGOV_RELATIONSHIP_REQUESTS）。',
  // The reasons of a 403 (src/domain/roles.ts).
  'Your roles do not allow this action; ask a global admin of your organization.': '您的角色不允許此動作；請洽貴組織的全域管理員。',
  'An indirect reseller cannot do this; its indirect provider does it.': '間接轉售商無法執行此動作；由其間接提供者執行。',
  // The partner's team (src/contracts/team.ts, src/server/modules/team).
  'Use at least 12 characters.': '請至少使用 12 個字元。',
  'Use at most 256 characters.': '最多可使用 256 個字元。',
  'Use three of these: lower-case letters, upper-case letters, digits, symbols.': '請包含下列其中三種：小寫字母、大寫字母、數字、符號。',
  'Enter the current password.': '請輸入目前的密碼。',
  'The current password is not right.': '目前的密碼不正確。',
  'Choose a password other than the current one.': '請選擇與目前不同的密碼。',
  'Enter the person’s name.': '請輸入此人的姓名。',
  'Use at most 200 characters.': '最多可使用 200 個字元。',
  'Give the user at least one role.': '請至少為使用者指定一個角色。',
  'You cannot deactivate yourself; another global admin can.': '您無法停用自己；可由其他全域管理員停用。',
  'Your organisation is not yet validated for US Government: it cannot add customers until the operator validates it.': '貴組織尚未通過 US Government 驗證：營運者驗證之前，無法新增客戶。',
};
