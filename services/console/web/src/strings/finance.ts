import type { PageStrings } from './page-strings';

export const financeStrings: PageStrings = {
  zh: {
    'finance.overTime': '年内累计：已承诺与实际支出',
    'finance.wan': '万元',
    'finance.when': '日期',
    'finance.department': '部门',
    'finance.variance': '差额（实际−承诺）',
  },
  en: {
    'finance.overTime': 'The year so far: committed and spent',
    'finance.wan': '10k yuan',
    'finance.when': 'Date',
    'finance.department': 'Department',
    'finance.variance': 'Variance (actual − committed)',
  },
};
