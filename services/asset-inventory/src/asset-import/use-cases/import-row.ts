import { Injectable } from '@nestjs/common';
import type { Caller } from '@buqi/auth';
import { DomainValidationError } from '@buqi/domain-kernel';
import { AssetRepository, type StoredAsset } from '../../assets/persistence/asset.repository';
import { AssetChecks } from '../../assets/use-cases/asset-checks';
import { assetFromRequest } from '../../assets/use-cases/asset-draft';
import type { AssetRequest } from '../../assets/use-cases/asset-requests';
import { RegisterAsset } from '../../assets/use-cases/register-asset.use-case';
import { ReviseAsset } from '../../assets/use-cases/revise-asset.use-case';
import type { RowDraft } from '../domain/import-file';
import { sameAsset } from '../domain/same-asset';

const LOOKUP_CHUNK = 500;

export interface RowResult {
  readonly action: 'create' | 'update' | 'unchanged';
  readonly apiKey?: string;
}

/**
 * One row against the inventory, through the API's use cases: a new code is registered, a changed
 * asset revised at the version just read, an unchanged one left alone (no new version, no event).
 * A dry run makes the same decision and runs the same checks, and writes nothing.
 */
@Injectable()
export class ImportRow {
  constructor(
    private readonly assets: AssetRepository,
    private readonly checks: AssetChecks,
    private readonly register: RegisterAsset,
    private readonly revise: ReviseAsset,
  ) {}

  /** The stored assets a file names, read at once: a file's rows are mostly unchanged ones. */
  async stored(drafts: readonly RowDraft[]): Promise<Map<string, StoredAsset>> {
    const found = new Map<string, StoredAsset>();
    for (let at = 0; at < drafts.length; at += LOOKUP_CHUNK) {
      const codes = drafts.slice(at, at + LOOKUP_CHUNK).map((d) => d.code);
      for (const asset of await this.assets.findMany(codes)) found.set(asset.code, asset);
    }
    return found;
  }

  /**
   * `stored`: the asset as read before the import (a change since then is a version conflict, not
   * an overwrite); `creating`: codes this run creates (or, dry, would create) before this row.
   */
  async execute(
    draft: RowDraft,
    stored: StoredAsset | undefined,
    options: { dryRun: boolean; creating: ReadonlySet<string> },
    caller: Caller,
  ): Promise<RowResult> {
    const { code, ...fields } = draft.body;
    const request = { assetClass: draft.assetClass, ...fields } as AssetRequest;
    if (!stored) {
      if (options.dryRun) {
        await this.checkDry(draft.code, request, options.creating, caller);
        return { action: 'create' };
      }
      const { apiKey } = await this.register.execute(draft.code, request, caller);
      return { action: 'create', ...(apiKey && { apiKey }) };
    }
    if (stored.assetClass !== draft.assetClass)
      throw new DomainValidationError('code', code, `is a ${stored.assetClass}, not a ${draft.assetClass}`);
    if (sameAsset(assetFromRequest(draft.code, request), stored)) return { action: 'unchanged' };
    if (options.dryRun) await this.checkDry(draft.code, request, options.creating, caller);
    else await this.revise.execute(draft.code, stored.version, request, caller);
    return { action: 'update' };
  }

  private async checkDry(
    code: string,
    request: AssetRequest,
    creating: ReadonlySet<string>,
    caller: Caller,
  ): Promise<void> {
    try {
      await this.checks.check(assetFromRequest(code, request), caller.now);
    } catch (err) {
      // Watching an asset this file creates first is fine: the import registers devices last.
      const watched = err instanceof DomainValidationError && err.field === 'device.watches.assetId';
      if (!(watched && creating.has(String(err.value)))) throw err;
    }
  }
}
