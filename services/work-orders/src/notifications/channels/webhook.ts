import { DeliveryError } from './channel';

/**
 * POSTs a JSON body to a chat robot's webhook and checks its answer: a 2xx whose JSON body, if it
 * has an `errcode`, says 0 (WeCom and DingTalk answer `{"errcode":0,"errmsg":"ok"}`). Errors name
 * the robot (`label`) and its answer, never the URL, which holds the robot's key.
 */
export async function postToRobot(
  label: string,
  url: string,
  body: unknown,
  timeoutMs: number,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (err) {
    throw unreachable(label, err, timeoutMs);
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    // 408 and 429 are worth another try; any other 4xx (a wrong key, a bad request) is not.
    const permanent =
      response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status);
    throw new DeliveryError(`${label}: the webhook answered HTTP ${response.status}`, permanent);
  }
  const answer = parseJson(text);
  if (answer && 'errcode' in answer && answer['errcode'] !== 0) {
    const message = typeof answer['errmsg'] === 'string' ? answer['errmsg'].slice(0, 200) : '';
    throw new DeliveryError(
      `${label}: the robot refused the message (errcode ${String(answer['errcode'])}${message ? `: ${message}` : ''})`,
    );
  }
}

function unreachable(label: string, err: unknown, timeoutMs: number): DeliveryError {
  const e = err as { name?: string; cause?: { code?: unknown } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    return new DeliveryError(`${label}: the webhook did not answer within ${timeoutMs} ms`);
  const code = typeof e?.cause?.code === 'string' ? ` (${e.cause.code})` : '';
  return new DeliveryError(`${label}: the webhook could not be reached${code}`);
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
