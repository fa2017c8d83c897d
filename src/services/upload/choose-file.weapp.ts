import Taro from '@tarojs/taro'

export type ChatFile = Taro.chooseMessageFile.ChooseFile

/** WeChat: one file of this extension from a chat; null when the person closed the picker without choosing. */
export async function chooseChatFile(extension: string): Promise<ChatFile | null> {
  try {
    const picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [extension] })
    return picked.tempFiles[0] ?? null
  } catch {
    return null
  }
}
