import {
  cutToBytes,
  DINGTALK_MAX_BYTES,
  dingtalkSignature,
  dingtalkSignedUrl,
  dingtalkText,
  groupContent,
  WECOM_MAX_BYTES,
  wecomText,
} from './robot-messages';

const SECRET = 'SEC000000000000000000000000000000000000000000000000000000000000000';

describe('group robot messages', () => {
  const notification = {
    subject: '工单 WO-17 已升级',
    body: '东门公厕漏水，响应超时 30 分钟。',
    link: 'https://buqi.example.gov.cn/orders/WO-17',
  };

  it('reads subject, body, link, then whom it is for', () => {
    expect(groupContent(notification, [{ userId: 'u-zhang', name: '张三' }, { userId: 'u-li' }])).toBe(
      '工单 WO-17 已升级\n东门公厕漏水，响应超时 30 分钟。\nhttps://buqi.example.gov.cn/orders/WO-17\n@张三 @u-li',
    );
    expect(groupContent({ subject: 'S', body: 'B' }, [])).toBe('S\nB');
  });

  it('is the text message WeCom takes', () => {
    expect(JSON.parse(JSON.stringify(wecomText('你好')))).toEqual({
      msgtype: 'text',
      text: { content: '你好' },
    });
  });

  it('is the text message DingTalk takes', () => {
    expect(JSON.parse(JSON.stringify(dingtalkText('你好')))).toEqual({
      msgtype: 'text',
      text: { content: '你好' },
    });
  });

  it('keeps WeCom content within 2,048 bytes of UTF-8, cut between characters', () => {
    const content = wecomText('漏'.repeat(1_000)).text.content; // 3,000 bytes
    expect(Buffer.byteLength(content, 'utf8')).toBeLessThanOrEqual(WECOM_MAX_BYTES);
    expect(content.endsWith('…')).toBe(true);
    expect(content.slice(0, -1)).toMatch(/^漏+$/);
    expect(Buffer.byteLength(dingtalkText('x'.repeat(30_000)).text.content, 'utf8')).toBeLessThanOrEqual(
      DINGTALK_MAX_BYTES,
    );
  });

  it('leaves text within the limit alone', () => {
    expect(cutToBytes('abc', 3)).toBe('abc');
    expect(cutToBytes('abcd', 3)).toBe('…');
    expect(cutToBytes('ab漏', 4)).toBe('a…');
  });
});

describe('DingTalk signature', () => {
  // Expected values computed independently: base64(HMAC-SHA256(key=secret, "<timestamp>\n<secret>")).
  it('is Base64 of HMAC-SHA256 of "timestamp\\nsecret" keyed by the secret', () => {
    expect(dingtalkSignature(SECRET, 1700000000000)).toBe('mphPIqgjGbRzHPELpWQPiram3BEkrp9g5J866J8sMcg=');
    expect(dingtalkSignature(SECRET, 1700000000012)).toBe('5GlV8OB1zl5NnqOOxkUmhykXDpH+32R/8f7jGFN6ZRY=');
  });

  it('is appended to the webhook URL, URL-encoded, with its timestamp', () => {
    expect(
      dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', SECRET, 1700000000012),
    ).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000012' +
        '&sign=5GlV8OB1zl5NnqOOxkUmhykXDpH%2B32R%2F8f7jGFN6ZRY%3D',
    );
    expect(dingtalkSignedUrl('http://127.0.0.1:9/robot', SECRET, 1700000000000)).toBe(
      'http://127.0.0.1:9/robot?timestamp=1700000000000&sign=mphPIqgjGbRzHPELpWQPiram3BEkrp9g5J866J8sMcg%3D',
    );
  });
});
