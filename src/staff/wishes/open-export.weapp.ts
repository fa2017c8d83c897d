import Taro from '@tarojs/taro'

/**
 * WeChat: fetch the workbook from CloudBase storage by its fileID (no download domain to
 * whitelist) and open it; the viewer's menu (showMenu) lets staff save it or send it on.
 */
export async function openExport(file: { fileId: string; url: string }): Promise<void> {
  const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: file.fileId })
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
}
