/**
 * Opens an exported digest workbook. Taro resolves `./open-export` to `open-export.h5.ts` or
 * `open-export.weapp.ts` at build time; this file is what TypeScript and jest see, and only
 * says what both must provide.
 */
export async function openExport(file: { fileId: string; url: string }): Promise<void> {
  void file
  throw new Error('当前平台不支持导出')
}
