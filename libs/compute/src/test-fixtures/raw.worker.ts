// A worker file that forgot defineWorkerTask: the pool must refuse its bare result.
export default function handler(task: number): number {
  return task * 2;
}
