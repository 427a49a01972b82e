export const RULE_IDS = [
  'R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09',
  'R10', 'R11', 'R12', 'R13', 'R14', 'R15', 'R16', 'R17',
  // Beyond the article: the open world (arrests, releases at home, pardons, staged deals).
  'R18', 'R19', 'R20', 'R21', 'R22', 'R23', 'R24', 'R25',
] as const;

/** The rules read out of the article; those after R17 rest on public facts beyond it. */
export const ARTICLE_RULE_IDS = RULE_IDS.slice(0, 17);
/** The open world's rules (R18+): switching all of them off gives back the closed world. */
export const OPEN_WORLD_RULE_IDS = RULE_IDS.slice(17);

export type RuleId = (typeof RULE_IDS)[number];
