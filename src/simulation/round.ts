/**
 * Three decimals: how outputs carry a share, a trust level or a probability. Rounded once where a
 * value leaves the model, so float noise in the last bits never reaches JSON, tables or words.
 */
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;
