import { DomainValidationError } from '@buqi/domain-kernel';
import {
  deliveryId,
  GROUP,
  planDeliveries,
  validateNotification,
  type ChannelReach,
  type Notification,
} from './notification';

const notification: Notification = {
  id: 'esc-WO-17-2',
  recipients: [
    { userId: 'crew:c-12', name: '张三', email: 'zhang@example.gov.cn' },
    { userId: 'supervisor:roads', name: '李四' },
  ],
  subject: '工单 WO-17 已升级',
  body: '响应超时',
};

const inApp: ChannelReach = { name: 'in-app', audience: 'person', reaches: () => true };
const email: ChannelReach = { name: 'email', audience: 'person', reaches: (r) => r.email !== undefined };
const wecom: ChannelReach = { name: 'wecom', audience: 'group', reaches: () => true };

describe('planning deliveries', () => {
  it('makes one per recipient a person channel reaches, and one per group channel', () => {
    const planned = planDeliveries(notification, [inApp, email, wecom]);
    expect(planned.map((p) => [p.channel, p.recipient])).toEqual([
      ['in-app', 'crew:c-12'],
      ['in-app', 'supervisor:roads'],
      ['email', 'crew:c-12'],
      ['wecom', GROUP],
    ]);
    expect(new Set(planned.map((p) => p.id)).size).toBe(4);
  });

  it('gives the same ids when planned again, each fit for a job id', () => {
    const first = planDeliveries(notification, [inApp, email, wecom]).map((p) => p.id);
    expect(planDeliveries(notification, [inApp, email, wecom]).map((p) => p.id)).toEqual(first);
    for (const id of first) expect(id).toMatch(/^(in-app|email|wecom)-[a-f0-9]{32}$/);
    expect(deliveryId('n1', 'email', 'u1')).not.toBe(deliveryId('n2', 'email', 'u1'));
    expect(deliveryId('n1', 'email', 'u1')).not.toBe(deliveryId('n1', 'in-app', 'u1'));
  });
});

describe('validating a notification', () => {
  const bad = (change: Partial<Notification>) => () => validateNotification({ ...notification, ...change });

  it('takes a well-formed one', () => {
    expect(() => validateNotification(notification)).not.toThrow();
  });

  it.each([
    ['an id with a space', { id: 'esc 17' }],
    ['no recipients', { recipients: [] }],
    ['a repeated recipient', { recipients: [{ userId: 'u1' }, { userId: 'u1' }] }],
    ['an address that is not one', { recipients: [{ userId: 'u1', email: 'not-an-address' }] }],
    ['an empty subject', { subject: ' ' }],
    ['a link that is not http(s)', { link: 'javascript:alert(1)' }],
    ['a body too long', { body: 'x'.repeat(4_001) }],
  ])('refuses %s', (_what, change) => {
    expect(bad(change as Partial<Notification>)).toThrow(DomainValidationError);
  });
});
