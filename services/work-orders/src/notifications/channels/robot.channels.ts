import { dingtalkSignedUrl, dingtalkText, groupContent, wecomText } from '../domain/robot-messages';
import type { DeliveryDocument } from '../persistence/delivery.schema';
import type { DeliveryChannel } from './channel';
import { postToRobot } from './webhook';

/** A 企业微信 (WeCom) group robot: one text message per notification to its group. */
export class WecomChannel implements DeliveryChannel {
  readonly name = 'wecom';
  readonly audience = 'group';

  constructor(
    private readonly webhookUrl: string,
    private readonly timeoutMs: number,
  ) {}

  reaches(): boolean {
    return true;
  }

  send(d: DeliveryDocument): Promise<void> {
    return postToRobot('WeCom', this.webhookUrl, wecomText(groupContent(d, d.to)), this.timeoutMs);
  }
}

/**
 * A 钉钉 (DingTalk) group robot: one text message per notification to its group, signed when the
 * robot has a signing secret (a fresh timestamp and signature on each try).
 */
export class DingtalkChannel implements DeliveryChannel {
  readonly name = 'dingtalk';
  readonly audience = 'group';

  constructor(
    private readonly webhookUrl: string,
    private readonly secret: string | undefined,
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  reaches(): boolean {
    return true;
  }

  send(d: DeliveryDocument): Promise<void> {
    const url = this.secret ? dingtalkSignedUrl(this.webhookUrl, this.secret, this.now()) : this.webhookUrl;
    return postToRobot('DingTalk', url, dingtalkText(groupContent(d, d.to)), this.timeoutMs);
  }
}
