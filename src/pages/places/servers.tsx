import { Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { ADDRESS_STATUS_LABELS } from '../../../types/places-labels'
import { AsyncView } from '../../components/async-view'
import { EmptyState } from '../../components/empty-state'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { placesService } from '../../services/places'
import { ServerList } from './components/server-list'
import { Tappable } from '../../components/tappable'
import './servers.scss'

const toAddress = () => void Taro.navigateTo({ url: '/pages/places/address' })

/** 为我服务: everyone serving my 小区 and 楼栋, with 拨打 and 给他留言. */
export default function ServersPage() {
  const servers = useAsync(() => placesService.myServers())
  useDidShow(() => {
    if (servers.data) void servers.reload()
  })
  usePullDownRefresh(() => {
    void servers.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <PageShell testId="servers-page">
      <AsyncView
        state={servers}
        isEmpty={(d) => d.address === null}
        empty={
          <EmptyState
            testId="servers-no-address"
            description="登记您住的小区和楼栋后，就能看到为您服务的网格员、楼栋长、民警和物业。"
          >
            <Button type="primary" onClick={toAddress} data-testid="servers-set-address">
              登记住址
            </Button>
          </EmptyState>
        }
      >
        {(d) => (
          <>
            <Tappable className="servers-page__address" onTap={toAddress} role="link">
              <Text>{`${d.address!.estateName} ${d.address!.buildingLabel}`}</Text>
              <Tag type={d.address!.status === 'confirmed' ? 'success' : 'warning'}>
                {ADDRESS_STATUS_LABELS[d.address!.status]}
              </Tag>
              <Text className="servers-page__change">更换</Text>
            </Tappable>
            {d.servers.length === 0 ? (
              <EmptyState
                testId="servers-empty"
                description="社区还没有登记为您小区服务的人员，有事可以直接反映诉求。"
              />
            ) : (
              <ServerList servers={d.servers} />
            )}
          </>
        )}
      </AsyncView>
    </PageShell>
  )
}
