const MAX_AXIS_CHARS = 56;

/**
 * The tornado's axis label of an assumption: short enough for two lines beside its bar (the full wording stays in the
 * tooltip and the table). « Coût unitaire « X » : montant » reads « X » ; a long label is cut at a word with « … ».
 */
export const tornadoAxisLabel = (label: string): string => {
  const unitCost = /^Coût unitaire « (.+) » : montant$/.exec(label);
  const text = unitCost ? `Coût de « ${unitCost[1]} »` : label;
  if (text.length <= MAX_AXIS_CHARS) return text;
  const cut = text.slice(0, MAX_AXIS_CHARS);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > MAX_AXIS_CHARS / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,;:—–-]+$/, '')}…`;
};
