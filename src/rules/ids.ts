export const RULE_IDS = [
  'R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09',
  'R10', 'R11', 'R12', 'R13', 'R14', 'R15', 'R16', 'R17',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
