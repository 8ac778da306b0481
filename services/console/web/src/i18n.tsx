import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

export type Language = 'zh-CN' | 'en';

// Every string the pages show, Chinese first. A key missing in English falls back to Chinese.
const zh = {
  appName: '补齐',
  signIn: '登录',
  signOut: '退出',
  username: '用户名',
  password: '密码',
  required: '请填写',
  wrongCredentials: '用户名或密码不正确',
  tooManyAttempts: '尝试次数过多，请 {seconds} 秒后再试',
  sessionEnded: '登录已失效，请重新登录',
  forbidden: '您没有权限查看此页面',
  notFound: '找不到该页面',
  serviceDown: '服务暂时无法访问，请稍后再试',
  offline: '当前离线：显示的是上次同步的数据',
  home: '首页',
  myOrders: '我的工单',
  queue: '工单队列',
  accounts: '账户管理',
  welcome: '欢迎，{name}',
  noOrders: '暂无工单',
  due: '截止',
  late: '已超时',
  dueToday: '今日到期',
  escalated: '已升级',
  state: '状态',
  priority: '优先级',
  asset: '资产',
  title: '标题',
  assignee: '处理人',
  all: '全部',
  'state.new': '新建',
  'state.assigned': '已派单',
  'state.in-progress': '处理中',
  'state.on-hold': '挂起',
  'state.completed': '待验收',
  'state.verified': '已验收',
  'state.cancelled': '已取消',
  'state.reopened': '已退回',
  start: '开始处理',
  complete: '完工',
  notes: '处理说明',
  labourHours: '工时（小时）',
  materials: '材料',
  materialName: '名称',
  quantity: '数量',
  unit: '单位',
  costYuan: '金额（元）',
  addMaterial: '添加材料',
  checklist: '质量检查项',
  photos: '现场照片',
  addPhoto: '拍照 / 上传',
  assign: '派单',
  assignTo: '派给',
  crew: '班组',
  contractor: '外包单位',
  person: '个人',
  verify: '验收',
  rating: '评级',
  'rating.good': '良好',
  'rating.excellent': '优秀',
  'rating.outstanding': '卓越',
  'rating.perfect': '极致',
  reject: '退回',
  reason: '原因',
  comment: '意见',
  submit: '提交',
  cancel: '取消',
  saved: '已保存',
  history: '处理记录',
  standardHours: '定额工时',
  newAccount: '新建账户',
  name: '姓名',
  roles: '角色',
  department: '部门',
  active: '启用',
  inactive: '停用',
  resetPassword: '重置密码',
  newPassword: '新密码',
  deactivate: '停用',
  activate: '启用',
  'role.crew-member': '维修班组成员',
  'role.contractor': '外包单位',
  'role.supervisor': '主管',
  'role.department-head': '部门负责人',
  'role.asset-manager': '资产管理员',
  'role.finance': '财务',
  'role.admin': '系统管理员',
  'role.leadership': '局领导',
  language: 'English',
};
type Key = keyof typeof zh;

const en: Partial<Record<Key, string>> = {
  appName: 'Buqi',
  signIn: 'Sign in',
  signOut: 'Sign out',
  username: 'User name',
  password: 'Password',
  required: 'Required',
  wrongCredentials: 'The user name or the password is wrong',
  tooManyAttempts: 'Too many attempts: try again in {seconds} s',
  sessionEnded: 'Your session has ended: sign in again',
  forbidden: 'You may not see this page',
  notFound: 'No such page',
  serviceDown: 'The service is not answering; try again shortly',
  offline: 'Offline: showing what was last synchronised',
  home: 'Home',
  myOrders: 'My work orders',
  queue: 'Work order queue',
  accounts: 'Accounts',
  welcome: 'Welcome, {name}',
  noOrders: 'No work orders',
  due: 'Due',
  late: 'Late',
  dueToday: 'Due today',
  escalated: 'Escalated',
  state: 'State',
  priority: 'Priority',
  asset: 'Asset',
  title: 'Title',
  assignee: 'Assignee',
  all: 'All',
  'state.new': 'New',
  'state.assigned': 'Assigned',
  'state.in-progress': 'In progress',
  'state.on-hold': 'On hold',
  'state.completed': 'Awaiting verification',
  'state.verified': 'Verified',
  'state.cancelled': 'Cancelled',
  'state.reopened': 'Reopened',
  start: 'Start',
  complete: 'Complete',
  notes: 'Notes',
  labourHours: 'Labour hours',
  materials: 'Materials',
  materialName: 'Name',
  quantity: 'Quantity',
  unit: 'Unit',
  costYuan: 'Cost (yuan)',
  addMaterial: 'Add material',
  checklist: 'Quality checklist',
  photos: 'Photos',
  addPhoto: 'Take / upload a photo',
  assign: 'Assign',
  assignTo: 'Assign to',
  crew: 'Crew',
  contractor: 'Contractor',
  person: 'Person',
  verify: 'Verify',
  rating: 'Rating',
  'rating.good': 'Good',
  'rating.excellent': 'Excellent',
  'rating.outstanding': 'Outstanding',
  'rating.perfect': 'Perfect',
  reject: 'Reject',
  reason: 'Reason',
  comment: 'Comment',
  submit: 'Submit',
  cancel: 'Cancel',
  saved: 'Saved',
  history: 'History',
  standardHours: 'Standard hours',
  newAccount: 'New account',
  name: 'Name',
  roles: 'Roles',
  department: 'Department',
  active: 'Active',
  inactive: 'Inactive',
  resetPassword: 'Reset password',
  newPassword: 'New password',
  deactivate: 'Deactivate',
  activate: 'Activate',
  'role.crew-member': 'Crew member',
  'role.contractor': 'Contractor',
  'role.supervisor': 'Supervisor',
  'role.department-head': 'Department head',
  'role.asset-manager': 'Asset manager',
  'role.finance': 'Finance',
  'role.admin': 'Administrator',
  'role.leadership': 'Leadership',
  language: '中文',
};

export type Translate = (key: Key | string, values?: Record<string, string | number>) => string;

interface I18n {
  language: Language;
  setLanguage: (l: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | undefined>(undefined);
const STORAGE_KEY = 'buqi.language';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(
    () => (localStorage.getItem(STORAGE_KEY) as Language | null) ?? 'zh-CN',
  );
  const value = useMemo<I18n>(() => {
    const table = language === 'en' ? en : {};
    const t: Translate = (key, values = {}) => {
      const text = (table as Record<string, string>)[key] ?? (zh as Record<string, string>)[key] ?? key;
      return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
    };
    return {
      language,
      t,
      setLanguage: (l) => {
        localStorage.setItem(STORAGE_KEY, l);
        document.documentElement.lang = l;
        setLanguageState(l);
      },
    };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
