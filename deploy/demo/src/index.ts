export {
  budgetYear,
  CREWS,
  DEPARTMENTS,
  PEOPLE,
  quotas,
  RESTROOMS,
  ROAD_INSPECTIONS,
  ROADS,
  SENSORS,
  SITES,
} from './campus';
export { readKeys, seedCampus, seedServices } from './seed';
export { nh3, simulate } from './simulate';
