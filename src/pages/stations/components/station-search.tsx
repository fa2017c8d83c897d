import { View, Text, Input } from '@tarojs/components'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Tappable } from '../../../components/tappable'

/** The name/address search box, and the keyword being searched with 清除 (styles: index.scss). */
export function StationSearch({ keyword, onSearch }: { keyword: string; onSearch(keyword: string): void }) {
  const [draft, setDraft] = useState('')
  return (
    <>
      <View className="stations__search">
        <Input
          className="stations__search-input"
          data-testid="stations-search-input"
          aria-label="搜索驿站名称或地址"
          value={draft}
          placeholder="搜索驿站名称或地址"
          confirmType="search"
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={() => onSearch(draft.trim())}
        />
        <Button type="primary" size="large" data-testid="stations-search-submit" onClick={() => onSearch(draft.trim())}>
          搜索
        </Button>
      </View>
      {keyword ? (
        <View className="stations__keyword" data-testid="stations-keyword">
          <Text>正在查找“{keyword}”</Text>
          <Tappable
            className="stations__link"
            label="清除查找的字"
            onTap={() => {
              onSearch('')
              setDraft('')
            }}
            testId="stations-keyword-clear"
          >
            清除
          </Tappable>
        </View>
      ) : null}
    </>
  )
}
