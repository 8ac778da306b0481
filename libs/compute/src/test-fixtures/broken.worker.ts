// A worker file that throws while loading, as one missing from a build or with a bad import would.
function failToLoad(): void {
  throw new Error('this worker file fails to load');
}
failToLoad();

export default function handler(task: number): number {
  return task;
}
