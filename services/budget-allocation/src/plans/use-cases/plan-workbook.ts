import { Injectable } from '@nestjs/common';
import { ENVELOPE_NAMES, financeWorkbook, MONEY, yuan } from '../../export/workbook';
import { PlanRepository } from '../persistence/plan.repository';

const STATUS_NAMES: Record<string, string> = {
  solving: '求解中',
  proposed: '待审批',
  failed: '未能生成',
  rejected: '已否决',
  funding: '资金落实中',
  approved: '已批准',
};

/**
 * An investment plan as an .xlsx workbook for finance: a summary (status, budgets, total, objective
 * and proven gap), its items, the approval chain as signed, and the revisions with who, why and the
 * difference; Chinese headers, money in yuan.
 */
@Injectable()
export class PlanWorkbook {
  constructor(private readonly plans: PlanRepository) {}

  async build(id: string): Promise<Buffer> {
    const plan = await this.plans.get(id);
    const { sheet, toBuffer } = await financeWorkbook();
    const summary = sheet('计划概要', [
      ['项目', 'name', 24],
      ['内容', 'value', 48],
    ]);
    const rows: [string, string | number][] = [
      ['计划编号', plan._id],
      ['年度', plan.fiscalYear],
      ['状态', STATUS_NAMES[plan.status] ?? plan.status],
      ['事由', plan.reason],
      ...Object.entries(plan.budgetFen).map(
        ([envelope, fen]) =>
          [`${ENVELOPE_NAMES[envelope] ?? envelope}预算（元）`, yuan(fen)] as [string, number],
      ),
      ['计划总额（元）', yuan(plan.totalFen)],
      ['项目数', plan.items.length],
      ['风险消减（目标值）', plan.solution?.objective ?? ''],
      ['最优性差距', plan.solution?.gap === undefined ? '' : `${(plan.solution.gap * 100).toFixed(3)}%`],
      ['求解方法', plan.solution?.method ?? ''],
    ];
    for (const [name, value] of rows) summary.addRow({ name, value });
    const items = sheet('计划项目', [
      ['短板（候选）', 'candidateId', 40],
      ['资产', 'assetId', 16],
      ['部门', 'department', 18],
      ['区域', 'zoneId', 10],
      ['优先级', 'priority', 8],
      ['风险分', 'riskScore', 8],
      ['方案', 'option', 18],
      ['服务定额', 'taskType', 20],
      ['定额版本', 'quotaVersion', 10],
      ['数量', 'quantity', 10],
      ['单位', 'unit', 8],
      ['标准工时', 'standardHours', 10],
      ['预算类别', 'envelope', 14],
      ['金额（元）', 'cost', 16, MONEY],
      ['使用年限', 'lifetimeYears', 10],
    ]);
    for (const i of plan.items)
      items.addRow({
        ...i,
        zoneId: i.zoneId ?? '',
        riskScore: Math.round(i.riskScore * 100) / 100,
        envelope: ENVELOPE_NAMES[i.envelope] ?? i.envelope,
        cost: yuan(i.costFen),
      });
    const approvals = sheet('审批记录', [
      ['步骤', 'step', 8],
      ['审批环节', 'label', 30],
      ['签署人', 'by', 20],
      ['部门', 'department', 18],
      ['意见', 'comment', 40],
      ['时间', 'at', 22],
    ]);
    plan.chain.forEach((step, n) => {
      const signed = plan.approvals.find((a) => a.step === n);
      approvals.addRow({
        step: n + 1,
        label: step.label,
        by: signed ? (signed.name ?? signed.by) : '（待签）',
        department: signed?.department ?? '',
        comment: signed?.comment ?? '',
        at: signed ? new Date(signed.at).toISOString() : '',
      });
    });
    const revisions = sheet('调整记录', [
      ['序号', 'number', 8],
      ['调整人', 'by', 20],
      ['事由', 'reason', 40],
      ['增加', 'added', 40],
      ['减少', 'removed', 40],
      ['调整前（元）', 'before', 16, MONEY],
      ['调整后（元）', 'after', 16, MONEY],
      ['时间', 'at', 22],
    ]);
    const list = (entries: { candidateId: string; option: string }[]) =>
      entries.map((e) => `${e.candidateId} (${e.option})`).join('; ');
    for (const r of plan.revisions)
      revisions.addRow({
        number: r.number,
        by: r.name ?? r.by,
        reason: r.reason,
        added: list(r.added),
        removed: list(r.removed),
        before: yuan(r.totalBeforeFen),
        after: yuan(r.totalAfterFen),
        at: new Date(r.at).toISOString(),
      });
    return toBuffer();
  }
}
