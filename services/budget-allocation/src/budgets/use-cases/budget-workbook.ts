import { Injectable } from '@nestjs/common';
import { ENVELOPE_KINDS } from '../domain/budget-year';
import { BudgetYearRepository } from '../persistence/budget-year.repository';
import { ENVELOPE_NAMES, financeWorkbook, MONEY, yuan } from '../../export/workbook';
import { actualsByCommitment } from '../http/budget-year.view';

/**
 * A fiscal year's budget position as an .xlsx workbook for finance: envelopes (limit, committed,
 * available, actual, in yuan), department and zone caps, commitments and actual costs, one sheet
 * each, Chinese headers. The library is loaded with the first export.
 */
@Injectable()
export class BudgetWorkbook {
  constructor(private readonly years: BudgetYearRepository) {}

  async build(fiscalYear: number): Promise<Buffer> {
    const year = await this.years.get(fiscalYear);
    const { sheet, toBuffer } = await financeWorkbook();
    const money = MONEY;
    const envelopes = sheet(`${fiscalYear}年度预算`, [
      ['预算类别', 'name', 16],
      ['类别代码', 'kind', 20],
      ['预算额（元）', 'limit', 16, money],
      ['已承诺（元）', 'committed', 16, money],
      ['可用（元）', 'available', 16, money],
      ['实际支出（元）', 'actual', 16, money],
    ]);
    for (const kind of ENVELOPE_KINDS) {
      const e = year.envelopes[kind];
      envelopes.addRow({
        name: ENVELOPE_NAMES[kind],
        kind,
        limit: yuan(e.limitFen),
        committed: yuan(e.committedFen),
        available: yuan(e.availableFen),
        actual: yuan(e.actualFen),
      });
    }
    const caps = sheet('限额', [
      ['维度', 'scope', 10],
      ['部门/区域', 'key', 22],
      ['限额（元）', 'limit', 16, money],
      ['已承诺（元）', 'committed', 16, money],
      ['可用（元）', 'available', 16, money],
    ]);
    for (const [scope, map] of [
      ['部门', year.departmentCaps],
      ['区域', year.zoneCaps],
    ] as const)
      for (const [key, c] of Object.entries(map))
        caps.addRow({
          scope,
          key,
          limit: yuan(c.limitFen),
          committed: yuan(c.committedFen),
          available: yuan(c.availableFen),
        });
    const commitments = sheet('预算承诺', [
      ['承诺编号', 'id', 40],
      ['预算类别', 'envelope', 18],
      ['金额（元）', 'amount', 16, money],
      ['部门', 'department', 18],
      ['区域', 'zoneId', 10],
      ['事由', 'reason', 40],
      ['时间', 'at', 22],
      ['经办', 'by', 16],
      ['实际支出（元）', 'actual', 16, money],
      ['差异（元）', 'variance', 16, money],
    ]);
    const booked = actualsByCommitment(year);
    for (const [id, c] of Object.entries(year.commitments))
      commitments.addRow({
        actual: yuan(booked.get(id) ?? 0),
        variance: booked.has(id) ? yuan((booked.get(id) ?? 0) - c.amountFen) : '',
        id,
        envelope: ENVELOPE_NAMES[c.envelope] ?? c.envelope,
        amount: yuan(c.amountFen),
        department: c.department,
        zoneId: c.zoneId ?? '',
        reason: c.reason,
        at: new Date(c.at).toISOString(),
        by: c.by,
      });
    const actuals = sheet('实际支出', [
      ['工单', 'workOrderId', 20],
      ['预算类别', 'envelope', 18],
      ['金额（元）', 'amount', 16, money],
      ['对应承诺', 'commitmentId', 40],
      ['完工时间', 'completedAt', 22],
    ]);
    for (const a of Object.values(year.actuals ?? {}))
      actuals.addRow({
        workOrderId: a.workOrderId,
        envelope: ENVELOPE_NAMES[a.envelope] ?? a.envelope,
        amount: yuan(a.amountFen),
        commitmentId: a.commitmentId ?? '',
        completedAt: new Date(a.completedAt).toISOString(),
      });
    return toBuffer();
  }
}
