import { Injectable } from '@nestjs/common';
import { MONEY, spreadsheet, yuan } from '@buqi/platform';
import { percent } from '../domain/settlement';
import type { SettlementDocument } from '../persistence/settlement.schema';

const STATUS_NAMES: Record<string, string> = { draft: '草稿（待审核）', approved: '已审核' };
const DEDUCTION_NAMES: Record<string, string> = {
  rejections: '验收不合格',
  'failed-checks': '质量检查项不合格',
  cap: '扣减上限',
};

const iso = (d: Date | string | undefined) => (d ? new Date(d).toISOString() : '');

/**
 * A contractor's monthly statement as an .xlsx workbook for finance: the summary with the totals
 * and the rules it was computed by, its lines, their deductions with the reasons, and the orders
 * that could not be priced; Chinese headers, money in yuan.
 */
@Injectable()
export class SettlementWorkbook {
  async build(s: SettlementDocument): Promise<Buffer> {
    const { sheet, toBuffer } = await spreadsheet();
    const summary = sheet('结算汇总', [
      ['项目', 'name', 28],
      ['内容', 'value', 48],
    ]);
    const rows: [string, string | number][] = [
      ['结算单号', s._id],
      ['承包商', s.contractorId],
      ['结算月份', `${s.month}（${s.timeZone}）`],
      ['状态', STATUS_NAMES[s.status] ?? s.status],
      ['计价工单数', s.totals.pricedOrders],
      ['未计价工单数', s.totals.unpricedOrders],
      ['应付金额（元）', yuan(s.totals.grossFen)],
      ['扣减金额（元）', yuan(s.totals.deductionFen)],
      ['实付金额（元）', yuan(s.totals.netFen)],
      ['每次验收不合格扣减', percent(s.rules.rejectionBp)],
      ['每项检查不合格扣减', percent(s.rules.failedChecklistItemBp)],
      ['单笔扣减上限', percent(s.rules.orderCapBp)],
      ['未报检查项视为不合格', s.rules.unreportedItemsFail ? '是' : '否'],
      ['扣减规则版本', s.rules.version],
      ['计算时间', iso(s.computedAt)],
      ['计算人', s.computedBy],
      ['审核时间', iso(s.approvedAt)],
      ['审核人', s.approvedBy ?? ''],
    ];
    for (const [name, value] of rows) summary.addRow({ name, value });
    const lines = sheet('结算明细', [
      ['工单', 'orderId', 40],
      ['服务定额', 'taskType', 20],
      ['定额版本', 'quotaVersion', 10],
      ['数量', 'quantity', 10],
      ['单位', 'unit', 8],
      ['人工单价（元）', 'labour', 14, MONEY],
      ['材料单价（元）', 'materials', 14, MONEY],
      ['综合单价（元）', 'unitPrice', 14, MONEY],
      ['金额（元）', 'amount', 16, MONEY],
      ['扣减（元）', 'deduction', 14, MONEY],
      ['实付（元）', 'net', 16, MONEY],
      ['验收时间', 'verifiedAt', 24],
    ]);
    for (const l of s.lines)
      lines.addRow({
        orderId: l.orderId,
        taskType: l.taskType,
        quotaVersion: l.quotaVersion,
        quantity: l.quantity,
        unit: l.unit,
        labour: yuan(l.labourFenPerUnit),
        materials: yuan(l.materialsFenPerUnit),
        unitPrice: yuan(l.unitPriceFen),
        amount: yuan(l.amountFen),
        deduction: yuan(l.deductionFen),
        net: yuan(l.netFen),
        verifiedAt: iso(l.verifiedAt),
      });
    const deductions = sheet('扣减明细', [
      ['工单', 'orderId', 40],
      ['扣减类别', 'kind', 18],
      ['次数/项数', 'count', 10],
      ['比例', 'rate', 10],
      ['金额（元）', 'amount', 14, MONEY],
      ['原因', 'reason', 60],
    ]);
    for (const l of s.lines)
      for (const d of l.deductions)
        deductions.addRow({
          orderId: l.orderId,
          kind: DEDUCTION_NAMES[d.kind] ?? d.kind,
          count: d.count ?? '',
          rate: d.rateBp === undefined ? '' : percent(d.rateBp),
          amount: yuan(d.fen),
          reason: d.reason,
        });
    const unpriced = sheet('未计价工单', [
      ['工单', 'orderId', 40],
      ['服务定额', 'taskType', 20],
      ['定额版本', 'quotaVersion', 10],
      ['数量', 'quantity', 10],
      ['原因', 'reason', 60],
      ['验收时间', 'verifiedAt', 24],
    ]);
    for (const u of s.unpriced)
      unpriced.addRow({
        orderId: u.orderId,
        taskType: u.taskType,
        quotaVersion: u.quotaVersion ?? '',
        quantity: u.quantity ?? '',
        reason: u.reason,
        verifiedAt: iso(u.verifiedAt),
      });
    return toBuffer();
  }
}
