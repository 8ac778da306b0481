export { budgetYear, CREWS, DEPARTMENTS, PEOPLE, quotas, RESTROOMS, ROADS, SENSORS, SITES } from './campus';
export { seedCampus } from './seed';
export { simulate } from './simulate';
