import { maskCredentialsDeep, maskUrlCredentials } from './mask-credentials';

describe('maskUrlCredentials', () => {
  it.each([
    ['mongodb://u:p@h:1/db', 'mongodb://u:***@h:1/db'],
    ['redis://:secret@h:6379', 'redis://:***@h:6379'],
    ['see amqp://a:b@x and https://c:d@y', 'see amqp://a:***@x and https://c:***@y'],
    ['mongodb://h:27017/db', 'mongodb://h:27017/db'],
    ['mongodb://user@h/db', 'mongodb://user@h/db'],
  ])('%s → %s', (input, output) => expect(maskUrlCredentials(input)).toBe(output));

  it('walks nested plain data but leaves other class instances alone', () => {
    const date = new Date(0);
    expect(maskCredentialsDeep({ a: ['redis://:x@h'], b: { c: 'mongodb://u:y@h' }, date, n: 1 })).toEqual({
      a: ['redis://:***@h'],
      b: { c: 'mongodb://u:***@h' },
      date,
      n: 1,
    });
  });
});
