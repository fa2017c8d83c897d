import Taro from '@tarojs/taro'

export const EXPORT_AS_LINK = false

/**
 * WeChat: download the workbook from CloudBase storage and open it; the document viewer's
 * menu (showMenu) lets staff save it or send it to a chat.
 */
export async function deliverExport(file: { fileId: string; url: string }): Promise<string> {
  const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: file.fileId })
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
  return tempFilePath
}
