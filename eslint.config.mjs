import nx from '@nx/eslint-plugin';

// Tag matrix: a project may depend only on the types and scopes listed for its own tags.
const depConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:asset-inventory', onlyDependOnLibsWithTags: ['scope:asset-inventory', 'scope:shared'] },
  { sourceTag: 'scope:budget-allocation', onlyDependOnLibsWithTags: ['scope:budget-allocation', 'scope:shared'] },
  { sourceTag: 'scope:work-orders', onlyDependOnLibsWithTags: ['scope:work-orders', 'scope:shared'] },
  { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:console', 'scope:shared'] },
  { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:feature',
      'type:data-access',
      'type:domain',
      'type:contracts',
      'type:util',
      'type:testing',
    ],
  },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:contracts', 'type:util', 'type:testing'],
  },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:contracts', 'type:domain', 'type:util', 'type:testing'],
  },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:testing', 'type:data-access', 'type:contracts', 'type:util'],
  },
  {
    // The end-to-end suites judge what the services did by the domain's own rules (the escalation
    // ladder an order's steps must follow), never by a copy of them.
    sourceTag: 'type:e2e',
    onlyDependOnLibsWithTags: ['type:testing', 'type:data-access', 'type:contracts', 'type:domain', 'type:util'],
  },
];

// Domain code knows no framework or engine.
const infrastructure = [
  '@nestjs/*',
  'kafkajs',
  'mongoose',
  'mongodb',
  'bullmq',
  'ioredis',
  '@opentelemetry/*',
  'pino',
  'pino-http',
  'express',
];

const deepImport = {
  group: ['@buqi/*/*'],
  message: 'Import a library only through its public entry (@buqi/<name>).',
};

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.buqi', '**/coverage', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: true, allow: [], banTransitiveDependencies: true, depConstraints },
      ],
      // Libraries are imported through their public entry only, never a deep or relative path.
      'no-restricted-imports': ['error', { patterns: [deepImport] }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Test helpers stay out of shipped code (benchmarks are not shipped).
    files: ['services/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/__fixtures__/**', '**/test-fixtures/**', '**/bench/**', 'libs/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@buqi/testing', message: 'Only tests may import @buqi/testing.' }], patterns: [deepImport] },
      ],
    },
  },
  {
    files: ['libs/domain-*/**/*.ts', 'libs/*/src/**/domain/**/*.ts', 'services/*/src/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: infrastructure.filter((p) => !p.includes('*')),
          patterns: [
            deepImport,
            {
              group: infrastructure.filter((p) => p.includes('*')),
              message: 'Domain code is framework-free: no NestJS, Kafka, Mongo, Redis or OpenTelemetry here.',
            },
          ],
        },
      ],
    },
  },
];
