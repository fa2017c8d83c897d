import Taro from '@tarojs/taro'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { useAsync } from '../../../hooks/use-async'
import { placesService } from '../../../services/places'
import type { Profile } from '../../../services/users'
import { ServerList } from './server-list'

const SHOWN = 3

/** 首页 → 为我服务: the first few people serving my 小区 and 楼栋, or a nudge to give my address. */
export function HomeServers({ profile }: { profile: Profile | null | undefined }) {
  const buildingId = profile?.address?.buildingId ?? null
  const servers = useAsync(
    () => (buildingId ? placesService.myServers() : Promise.resolve(null)),
    [buildingId, profile?.openid],
  )
  const list = servers.data?.servers ?? []
  if (!profile) return null
  return (
    <CellGroup title="为我服务" data-testid="home-servers">
      {!buildingId ? (
        <Cell
          title="登记住址"
          description="登记小区和楼栋，看看谁为您服务"
          extra="去登记"
          clickable
          onClick={() => void Taro.navigateTo({ url: '/pages/places/address' })}
          data-testid="home-servers-address"
        />
      ) : servers.error ? (
        <Cell
          title="为我服务"
          description={servers.error}
          extra="重新加载"
          clickable
          onClick={() => void servers.reload()}
        />
      ) : (
        <>
          <ServerList servers={list.slice(0, SHOWN)} />
          <Cell
            title={
              servers.loading && !servers.data
                ? '正在加载…'
                : list.length === 0
                  ? '社区还没有登记为您服务的人员'
                  : `查看全部 ${list.length} 位`
            }
            clickable
            onClick={() => void Taro.navigateTo({ url: '/pages/places/servers' })}
            data-testid="home-servers-all"
          />
        </>
      )}
    </CellGroup>
  )
}
