import type { ConfigSpec } from './config-spec';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (text: string): string => `\`${text}\``;

/** A markdown table of the spec's variables, for service docs. Sensitive defaults are not shown. */
export function describeConfig(spec: ConfigSpec): string {
  const rows = Object.entries(spec).map(([name, v]) => {
    const description = v.example ? `${v.description} (e.g. ${code(v.example)})` : v.description;
    const fallback = v.defaultText === undefined ? '—' : v.sensitive ? '(hidden)' : code(v.defaultText);
    return `| ${code(name)} | ${cell(description)} | ${cell(fallback)} | ${v.required ? 'yes' : 'no'} | ${v.sensitive ? 'yes' : 'no'} |`;
  });
  return (
    ['| Variable | Description | Default | Required | Sensitive |', '|---|---|---|---|---|', ...rows].join(
      '\n',
    ) + '\n'
  );
}
