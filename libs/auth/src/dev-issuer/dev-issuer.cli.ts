// The dev issuer's command line, run by deploy/local/bin/dev-issuer and deploy/local/bin/token.
import { parseArgs } from 'node:util';
import { ROLES, isRole, type Role } from '../identity/roles';
import { DevIssuer } from './dev-issuer';

const USAGE = `usage:
  dev-issuer env
      prints export lines for AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL (creating the key pair if needed)
  dev-issuer token --role ROLE [--role ROLE …] [--sub ID] [--name NAME] [--department ID] [--crew ID]
                   [--contractor ID] [--ttl 8h]
      prints a signed token; roles: ${ROLES.join(', ')}
      e.g. curl -H "Authorization: Bearer $(npm run -s token -- --role supervisor)" …`;

class UsageError extends Error {}

const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

async function main(argv: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      dir: { type: 'string' },
      role: { type: 'string', multiple: true },
      sub: { type: 'string' },
      name: { type: 'string' },
      department: { type: 'string' },
      crew: { type: 'string' },
      contractor: { type: 'string' },
      ttl: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...extra] = positionals;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);

  if (command === 'env') {
    const issuer = await DevIssuer.open(values.dir);
    for (const [name, value] of Object.entries(issuer.env())) {
      process.stdout.write(`export ${name}=${shellQuote(value)}\n`);
    }
    return;
  }
  if (command !== 'token') throw new UsageError(command ? `unknown command "${command}"` : 'no command');

  const given = values.role ?? [];
  const unknown = given.filter((role) => !isRole(role));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown role ${unknown.map((r) => `"${r}"`).join(', ')}; valid roles: ${ROLES.join(', ')}`,
    );
  }
  if (given.length === 0) throw new UsageError(`give at least one --role (${ROLES.join(', ')})`);
  const roles = [...new Set(given)] as Role[];
  const claims = {
    sub: values.sub ?? `dev-${roles[0]}`,
    roles,
    ...(values.name ? { name: values.name } : {}),
    ...(values.department ? { department: values.department } : {}),
    ...(values.crew ? { crew: values.crew } : {}),
    ...(values.contractor ? { contractor: values.contractor } : {}),
  };
  const issuer = await DevIssuer.open(values.dir);
  const token = await issuer.sign(claims, { ttl: values.ttl });
  process.stdout.write(`${token}\n`);
  process.stderr.write(
    `dev token for ${claims.sub} (${roles.join(', ')}), valid ${values.ttl ?? '8h'}; services trust it with: eval "$(bash deploy/local/bin/dev-issuer env)"\n`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const usage =
    error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`dev-issuer: ${error instanceof Error ? error.message : String(error)}\n`);
  if (usage) process.stderr.write(`${USAGE}\n`);
  process.exitCode = usage ? 2 : 1;
});
