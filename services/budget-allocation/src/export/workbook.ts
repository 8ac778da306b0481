export { MONEY, spreadsheet as financeWorkbook, yuan } from '@buqi/platform';

export const ENVELOPE_NAMES: Readonly<Record<string, string>> = {
  maintenance: '维修养护',
  capital: '资本性支出',
  'emergency-reserve': '应急储备',
};
