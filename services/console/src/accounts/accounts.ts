import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Role } from '@buqi/auth';
import { ConflictError, DomainValidationError, NotFoundError } from '@buqi/domain-kernel';
import type { Logger } from '@buqi/observability';
import { findPage, PLATFORM_CONFIG, PLATFORM_LOGGER, type ListRequest, type Page } from '@buqi/platform';
import type { ConsoleConfig } from '../config';
import { ACCOUNT_MODEL, type AccountDocument } from './account.schema';
import { checkPassword, hashPassword } from './password';

export interface AccountFields {
  readonly name: string;
  readonly roles: Role[];
  readonly department?: string;
  readonly crew?: string;
  readonly contractor?: string;
}

export interface NewAccount extends AccountFields {
  readonly id: string;
  readonly password: string;
}

export interface AccountChange extends Partial<AccountFields> {
  readonly active?: boolean;
}

/** Where each role's people belong: what their tokens must say for the services to scope their work. */
const BELONGING: Partial<Record<Role, keyof AccountFields>> = {
  'crew-member': 'crew',
  contractor: 'contractor',
  supervisor: 'department',
  'department-head': 'department',
};

function checkBelonging(account: AccountFields): void {
  for (const role of account.roles) {
    const field = BELONGING[role];
    if (field && !account[field])
      throw new DomainValidationError(field, undefined, `is required for the role ${role}`);
  }
}

/** The console's accounts: created and changed by admins, read at every request of a session. */
@Injectable()
export class Accounts implements OnApplicationBootstrap {
  constructor(
    @InjectModel(ACCOUNT_MODEL) private readonly model: Model<AccountDocument>,
    @Inject(PLATFORM_CONFIG) private readonly config: ConsoleConfig,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  /** The first admin, when configured and nobody has an account yet. */
  async onApplicationBootstrap(): Promise<void> {
    const password = this.config.CONSOLE_BOOTSTRAP_ADMIN_PASSWORD;
    if (!password || (await this.model.estimatedDocumentCount()) > 0) return;
    try {
      await this.create({ id: 'admin', name: '系统管理员', roles: ['admin'], password }, 'console');
      this.logger.info({ account: 'admin' }, 'created the first admin account');
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err; // another instance made it first
    }
  }

  async create(account: NewAccount, by: string, now = new Date()): Promise<AccountDocument> {
    checkPassword(account.password);
    checkBelonging(account);
    const doc: AccountDocument = {
      _id: account.id,
      name: account.name,
      roles: [...new Set(account.roles)],
      ...(account.department && { department: account.department }),
      ...(account.crew && { crew: account.crew }),
      ...(account.contractor && { contractor: account.contractor }),
      passwordHash: await hashPassword(account.password),
      active: true,
      sessionsValidFrom: now,
      version: 1,
      createdAt: now,
      createdBy: by,
      updatedAt: now,
      updatedBy: by,
    };
    try {
      await this.model.create(doc);
    } catch (err) {
      if ((err as { code?: number }).code === 11000)
        throw new ConflictError('account-exists', `an account "${account.id}" already exists`, {
          id: account.id,
        });
      throw err;
    }
    return doc;
  }

  async find(id: string): Promise<AccountDocument | undefined> {
    return (await this.model.findById(id).lean<AccountDocument>()) ?? undefined;
  }

  async get(id: string): Promise<AccountDocument> {
    const account = await this.find(id);
    if (!account) throw new NotFoundError('account', id);
    return account;
  }

  list(request: ListRequest): Promise<Page<AccountDocument>> {
    return findPage<AccountDocument>(this.model, request, { passwordHash: 0 });
  }

  /** Changes what an admin may change, guarded by the version they read; deactivation ends sessions. */
  async change(
    id: string,
    expectedVersion: number,
    change: AccountChange,
    by: string,
    now = new Date(),
  ): Promise<AccountDocument> {
    const before = await this.get(id);
    if (id === by && (change.active === false || (change.roles && !change.roles.includes('admin'))))
      throw new ConflictError(
        'own-admin-rights',
        'an admin cannot deactivate their own account or drop their own admin role',
      );
    const after = { ...before, ...change };
    checkBelonging(after);
    const set: Partial<AccountDocument> = {
      ...(change.name !== undefined && { name: change.name }),
      ...(change.roles && { roles: [...new Set(change.roles)] }),
      ...(change.department !== undefined && { department: change.department }),
      ...(change.crew !== undefined && { crew: change.crew }),
      ...(change.contractor !== undefined && { contractor: change.contractor }),
      ...(change.active !== undefined && { active: change.active }),
      ...(change.active === false && { sessionsValidFrom: now }),
      updatedAt: now,
      updatedBy: by,
    };
    return this.write(id, expectedVersion, set);
  }

  /** A new password set by an admin: every session of the account ends. */
  async setPassword(id: string, password: string, by: string, now = new Date()): Promise<AccountDocument> {
    checkPassword(password);
    const before = await this.get(id);
    return this.write(id, before.version, {
      passwordHash: await hashPassword(password),
      sessionsValidFrom: now,
      updatedAt: now,
      updatedBy: by,
    });
  }

  private async write(
    id: string,
    expectedVersion: number,
    set: Partial<AccountDocument>,
  ): Promise<AccountDocument> {
    const after = await this.model
      .findOneAndUpdate(
        { _id: id, version: expectedVersion },
        { $set: set, $inc: { version: 1 } },
        { new: true },
      )
      .lean<AccountDocument>();
    if (after) return after;
    const current = await this.get(id);
    throw new ConflictError(
      'stale-version',
      `account ${id} is at version ${current.version}, not ${expectedVersion}`,
      {
        current: current.version,
      },
    );
  }
}
