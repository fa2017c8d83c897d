import Taro from '@tarojs/taro'

/** WeChat: download the PDF from CloudBase storage and open it in the document viewer. */
export async function openAttachment(file: { fileId: string }): Promise<void> {
  const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: file.fileId })
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true })
}
