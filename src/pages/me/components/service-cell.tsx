import Taro, { useDidShow } from '@tarojs/taro'
import { Cell } from '@nutui/nutui-react-taro'
import { useAsync } from '../../../hooks/use-async'
import { attendanceService } from '../../../services/events-attendance'
import { hoursLabel } from '../../events/checkin-format'

/** 志愿服务记录 with the hours so far (events attended, wishes fulfilled), so 我的 answers “how much have I done”. */
export function ServiceCell() {
  const record = useAsync(() => attendanceService.myService(), [])
  useDidShow(() => void record.reload())
  const total = record.data?.totalHours
  return (
    <Cell
      title="志愿服务记录"
      extra={total === undefined ? '服务时长' : `累计 ${hoursLabel(total)}`}
      clickable
      onClick={() => void Taro.navigateTo({ url: '/pages/events/service' })}
      data-testid="me-service-record"
    />
  )
}
