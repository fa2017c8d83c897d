/**
 * H5 has no WeChat privacy contract page to open: the popup shows the guideline's main points
 * in place instead (`null` here). weapp opens WeChat's own (contract.weapp.ts).
 */
export const openNativeContract: (() => void) | null = null
