const MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

/** A period code as French readers write it: `2024-01` → « janv. 2024 », `2024-Q4` → « 2024-T4 », `2024` → « 2024 ». */
export const periodLabel = (code: string): string => {
  const month = /^(\d{4})-(\d{2})$/u.exec(code);
  if (month) {
    const name = MONTHS[Number(month[2]) - 1];
    return name === undefined ? code : `${name} ${month[1]}`;
  }
  return code.replace(/-Q([1-4])$/u, '-T$1');
};
