import { divideOrNull } from '../money/arithmetic';
import { d, Decimal } from '../money/decimal';

/** Distinct agents redeployed (an agent redeployed twice counts once). */
export const distinctAgents = (redeployments: readonly { agent: string }[]): number => new Set(redeployments.map((redeployment) => redeployment.agent)).size;

/** Mobilisation rate = distinct agents redeployed / headcount; null without a headcount. */
export const mobilisationRate = ({ agents, headcount }: { agents: number; headcount: number | null }): Decimal | null =>
  headcount === null ? null : divideOrNull({ numerator: d(agents), denominator: d(headcount) });
