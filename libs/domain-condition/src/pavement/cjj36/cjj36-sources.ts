/**
 * Where the CJJ 36 figures were read. The standard itself (CJJ 36-2016 城镇道路养护技术规范) is not
 * freely available and its text could not be read: every figure comes from public reproductions of
 * it, named here so that a reviewer can open them. Files known only by their id in a public-code
 * index, without a repository name, are cited by that id and by what identifies them.
 */
export const CJJ36_REPRODUCTIONS = {
  rmsystem: 'public SQL dump "USE rmsystem;" (public-code index id 13482763873)',
  rmis: 'public SQL dump of schema RMIS dated 2020-07-05 (public-code index id 32262807182)',
  pyConfig:
    'public Python configuration with ROAD_DISEASE_TYPE, SCORE_LIQLM, SCORE_SHUINLM, SCORE_PCI and YANGH_STRATEGY (public-code index id 34912576588; older type names 碎裂, 拱起, 修补损坏)',
  vueForm: 'public Vue inspection form listing the 2016 type names (public-code index id 16159137178)',
  xrDataProcess:
    '2405cwb/XRDataProcess:XRDataProcess/MyExcelCity.cs (header "城镇道路报表，CJJ 36-2016 城镇道路养护技术规范")',
  hnOutExcelMile:
    'vendor C++ hnOutExcelMile::calculateDrScore, case CityRoad, coefficients { 3.0, -5.5, 3.5 } for both pavements (public-code index id 69400727596)',
  roadDataProcess: '2405cwb/RoadDataProcess:hnRoadDataProcess/DrPciCalculator.h@d2cdba23 (cityWeight)',
} as const;

const R = CJJ36_REPRODUCTIONS;

/** The classes (单类) and types (单项) of each pavement. */
export const CJJ36_CATALOGUE_REF = `CJJ 36-2016 classes and types as reproduced in ${R.vueForm}, ${R.rmis} (table 损坏类型, column 从属类别) and ${R.xrDataProcess} (class names); the standard's text was not read`;

/** How each type is measured (计量), the source of units and of the widths a length is counted at. */
export const CJJ36_MEASUREMENT_REF = `CJJ 36 measurement rules (损坏形状 / 计算方法) as reproduced in ${R.rmsystem}, table damage_road_type`;
