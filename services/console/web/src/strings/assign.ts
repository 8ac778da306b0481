import type { PageStrings } from './page-strings';

export const assignStrings: PageStrings = {
  zh: {
    'assign.trade': '所需工种',
    'assign.noZone': '该工单没有所属片区，无法推荐处理人',
    'assign.provisional': '工单记录尚不完整，推荐仅供参考',
    'assign.noneFit': '没有能承接该工种的班组或外包单位',
    'assign.choose': '选用',
    'assign.suggested': '推荐',
    'assign.score': '{score} 分',
    'assign.overloaded': '截止前工时不足',
    'assign.excluded': '不能承接的 {n} 个',
  },
  en: {
    'assign.trade': 'Trade needed',
    'assign.noZone': 'The order has no zone: no assignee can be suggested',
    'assign.provisional': 'Records are incomplete: the suggestion is provisional',
    'assign.noneFit': 'No crew or contractor has this trade',
    'assign.choose': 'Choose',
    'assign.suggested': 'Suggested',
    'assign.score': 'score {score}',
    'assign.overloaded': 'Not enough hours before it is due',
    'assign.excluded': '{n} that cannot take it',
  },
};
