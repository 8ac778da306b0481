// Operators' command for dead letters (see deploy/local/bin/dead-letters):
//   dead-letters list    --group <consumer group> --topic <topic> [--prefix <topic prefix>] [--limit N]
//   dead-letters redrive --group <consumer group> --topic <topic> [--prefix <topic prefix>]
// Brokers come from KAFKA_BROKERS. The group is the consuming service's name (e.g. budget-allocation).
import { parseArgs } from 'node:util';
import { DeadLetterRedriver } from '../consumer/dead-letter-redriver';
import { createKafka, createProducer } from '../kafka/kafka.factory';
import type { MessagingLogger } from '../messaging.logger';

const USAGE = `usage: dead-letters list|redrive --group <consumer group> --topic <topic> [--prefix <topic prefix>] [--limit N]
  list      the group's dead letters on <topic>.dlq, with the error of each and whether it was re-driven
  redrive   publish the group's dead letters since the last re-drive back to <topic>
  KAFKA_BROKERS (host:port,…) names the brokers; KAFKA_TOPIC_PREFIX is the default prefix`;

const stderr: MessagingLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (o, m) => console.error(m ?? '', JSON.stringify(o)),
  error: (o, m) => console.error(m ?? '', JSON.stringify(o)),
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      group: { type: 'string' },
      topic: { type: 'string' },
      prefix: { type: 'string' },
      limit: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const brokers = process.env['KAFKA_BROKERS'];
  const problems = [
    ...(command === 'list' || command === 'redrive'
      ? []
      : [`unknown command ${JSON.stringify(command ?? '')}`]),
    ...(values.group ? [] : ['--group is required']),
    ...(values.topic ? [] : ['--topic is required']),
    ...(brokers ? [] : ['KAFKA_BROKERS is not set']),
    ...(values.limit === undefined || /^[1-9]\d*$/.test(values.limit)
      ? []
      : ['--limit must be a positive integer']),
  ];
  if (problems.length || !brokers || !values.group || !values.topic) {
    console.error(`${problems.join('\n')}\n${USAGE}`);
    return 2;
  }
  const kafka = createKafka({ brokers: brokers.split(','), clientId: 'dead-letters-cli', logger: stderr });
  const producer = createProducer(kafka);
  const admin = kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
  try {
    const redriver = new DeadLetterRedriver(
      kafka,
      producer,
      admin,
      { groupId: values.group, topicPrefix: values.prefix ?? process.env['KAFKA_TOPIC_PREFIX'] ?? '' },
      stderr,
    );
    const result =
      command === 'list'
        ? await redriver.list(values.topic, Number(values.limit ?? '200'))
        : await redriver.redrive(values.topic);
    console.log(JSON.stringify(result, null, 2));
    return 0;
  } finally {
    await Promise.all([producer.disconnect(), admin.disconnect()]);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
