import { Controller, Get, Put, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditTrail, Caller, Roles } from '@buqi/auth';
import { ConflictError } from '@buqi/domain-kernel';
import { ApiProblem, ApiResult, IfMatch, setEtag, ValidBody } from '@buqi/platform';
import { deductionRules } from '../domain/settlement';
import { DeductionRulesRepository } from '../persistence/deduction-rules.repository';
import { SETTLERS } from '../use-cases/contractor-settlements';
import { DeductionRulesRequest } from '../use-cases/settlement-requests';
import { DeductionRulesView, toDeductionRulesView } from './settlement.view';

/**
 * The deduction rules contractor statements are computed by, held as data: the bureau's default
 * (5 % per rejected verification, 2 % per failed checklist item, at most 30 % of an order's price)
 * until finance changes them. A statement keeps the rules it was computed by.
 */
@ApiTags('settlements')
@ApiBearerAuth()
@Controller('settlement-rules')
export class SettlementRulesController {
  constructor(
    private readonly rules: DeductionRulesRepository,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  @Roles(...SETTLERS)
  @ApiOperation({ summary: 'The deduction rules in force (version 0: the bureau’s default)' })
  @ApiResult(200, DeductionRulesView, 'The rules (their version is the ETag)')
  async get(@Res({ passthrough: true }) response: ServerResponse): Promise<DeductionRulesView> {
    const current = await this.rules.current();
    setEtag(response, current.version);
    return toDeductionRulesView(current);
  }

  @Put()
  @Roles(...SETTLERS)
  @ApiOperation({
    summary:
      'Change the deduction rules (If-Match: the version read), with the reason; drafts computed from then on use them',
  })
  @ApiResult(200, DeductionRulesView, 'The rules now in force')
  @ApiProblem(409, 'Changed since the version given')
  async replace(
    @ValidBody(DeductionRulesRequest) body: DeductionRulesRequest,
    @IfMatch({ required: false }) version: number | undefined,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<DeductionRulesView> {
    const { reason, ...input } = body;
    const rules = deductionRules(input);
    const before = await this.rules.current();
    if (version !== undefined && version !== before.version)
      throw new ConflictError(
        'stale',
        `the deduction rules are at version ${before.version}, not ${version}`,
        {
          current: before.version,
        },
      );
    const after = await this.rules.replace(rules, before.version, {
      reason,
      by: caller.actor.id,
      at: caller.now,
    });
    await this.audit.record({
      actor: caller.principal,
      action: 'settlement.rules.change',
      resource: { type: 'settlement-rules', id: 'contractor-deductions' },
      before: { ...before.rules, version: before.version },
      after: { ...after.rules, version: after.version, reason },
      origin: caller.origin,
    });
    setEtag(response, after.version);
    return toDeductionRulesView(after);
  }
}
